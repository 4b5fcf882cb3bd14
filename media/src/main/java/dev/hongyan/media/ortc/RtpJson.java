package dev.hongyan.media.ortc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RTP capabilities and parameters from untrusted JSON (mediasoup-client, libmediasoupclient,
 * REST callers), validating as mediasoup's ortc does and filling the same defaults: audio channels
 * 1, empty parameters/feedback, feedback parameter "", header extension encrypt false and direction
 * sendrecv, rtcp reducedSize true. Unknown fields are ignored. Every failure is an {@link
 * OrtcException} whose message names the offending field with mediasoup's wording.
 *
 * <p>Sizes are bounded so a hostile peer cannot make the router hold or scan huge lists.
 */
public final class RtpJson {
  static final int MAX_CODECS = 256;
  static final int MAX_HEADER_EXTENSIONS = 128;
  static final int MAX_ENCODINGS = 16;
  static final int MAX_PARAMETERS = 64;
  static final int MAX_FEEDBACK = 32;
  static final int MAX_STRING = 256;

  private static final Pattern MIME_TYPE = Pattern.compile("^(audio|video)/(.+)", Pattern.CASE_INSENSITIVE);
  // RFC 8851 rid-id; the RTP extension carries it, so keep it short.
  private static final Pattern RID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Set<String> PRIORITIES = Set.of("very-low", "low", "medium", "high");

  private RtpJson() {}

  /** A producer/consumer kind as sent in requests ({@code 'audio'|'video'}). */
  public static MediaKind parseKind(JsonNode node) {
    MediaKind kind = node != null && node.isTextual() ? MediaKind.fromValue(node.textValue()) : null;
    if (kind == null) {
      throw OrtcException.invalid("invalid kind");
    }
    return kind;
  }

  /** {@code Device.rtpCapabilities} of a consuming peer (or any capability object). */
  public static RtpCapabilities parseRtpCapabilities(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw OrtcException.invalid("caps is not an object");
    }
    List<RtpCodecCapability> codecs = new ArrayList<>();
    for (JsonNode codec : optionalArray(node, "codecs", "caps.codecs", MAX_CODECS)) {
      codecs.add(parseRtpCodecCapability(codec));
    }
    List<RtpHeaderExtension> exts = new ArrayList<>();
    for (JsonNode ext :
        optionalArray(node, "headerExtensions", "caps.headerExtensions", MAX_HEADER_EXTENSIONS)) {
      exts.add(parseRtpHeaderExtension(ext));
    }
    return new RtpCapabilities(codecs, exts);
  }

  /** One codec capability; also the shape of a router's configured media codec. */
  public static RtpCodecCapability parseRtpCodecCapability(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw OrtcException.invalid("codec is not an object");
    }
    String mimeType = mimeType(node);
    // The kind is whatever the mime type says, whatever the peer wrote in "kind".
    MediaKind kind = Codecs.kindOf(mimeType);
    Integer preferredPayloadType = null;
    JsonNode pt = node.get("preferredPayloadType");
    if (pt != null && !pt.isNull()) {
      preferredPayloadType = payloadType(pt, "invalid codec.preferredPayloadType");
    }
    int clockRate = clockRate(node);
    Integer channels = channels(node, kind);
    return new RtpCodecCapability(
        kind, mimeType, preferredPayloadType, clockRate, channels,
        codecParameters(node), rtcpFeedback(node));
  }

  static RtpHeaderExtension parseRtpHeaderExtension(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw OrtcException.invalid("ext is not an object");
    }
    JsonNode kindNode = node.get("kind");
    MediaKind kind =
        kindNode != null && kindNode.isTextual() ? MediaKind.fromValue(kindNode.textValue()) : null;
    if (kind == null) {
      throw OrtcException.invalid("invalid ext.kind");
    }
    String uri = requiredString(node, "uri", "missing ext.uri");
    int preferredId = extensionId(node.get("preferredId"), "missing ext.preferredId", "invalid ext.preferredId");
    boolean encrypt = optionalBoolean(node, "preferredEncrypt", false, "invalid ext.preferredEncrypt");
    RtpHeaderExtensionDirection direction = RtpHeaderExtensionDirection.SENDRECV;
    JsonNode dir = node.get("direction");
    if (dir != null && !dir.isNull()) {
      direction = dir.isTextual() ? RtpHeaderExtensionDirection.fromValue(dir.textValue()) : null;
      if (direction == null) {
        throw OrtcException.invalid("invalid ext.direction");
      }
    }
    return new RtpHeaderExtension(kind, uri, preferredId, encrypt, direction);
  }

  /** A producer's {@code rtpParameters}. */
  public static RtpParameters parseRtpParameters(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw OrtcException.invalid("params is not an object");
    }
    String mid = null;
    JsonNode midNode = node.get("mid");
    if (midNode != null && !midNode.isNull()) {
      if (!midNode.isTextual() || midNode.textValue().length() > MAX_STRING) {
        throw OrtcException.invalid("params.mid is not a string");
      }
      mid = midNode.textValue().isEmpty() ? null : midNode.textValue();
    }
    JsonNode codecsNode = node.get("codecs");
    if (codecsNode == null || !codecsNode.isArray()) {
      throw OrtcException.invalid("missing params.codecs");
    }
    if (codecsNode.size() > MAX_CODECS) {
      throw OrtcException.invalid("too many params.codecs");
    }
    List<RtpCodecParameters> codecs = new ArrayList<>();
    for (JsonNode codec : codecsNode) {
      codecs.add(parseRtpCodecParameters(codec));
    }
    List<RtpHeaderExtensionParameters> exts = new ArrayList<>();
    for (JsonNode ext :
        optionalArray(node, "headerExtensions", "params.headerExtensions", MAX_HEADER_EXTENSIONS)) {
      exts.add(parseRtpHeaderExtensionParameters(ext));
    }
    List<RtpEncodingParameters> encodings = new ArrayList<>();
    for (JsonNode encoding : optionalArray(node, "encodings", "params.encodings", MAX_ENCODINGS)) {
      encodings.add(parseRtpEncodingParameters(encoding));
    }
    JsonNode rtcpNode = node.get("rtcp");
    RtcpParameters rtcp;
    if (rtcpNode == null || rtcpNode.isNull()) {
      rtcp = new RtcpParameters(null, true, null);
    } else if (!rtcpNode.isObject()) {
      throw OrtcException.invalid("params.rtcp is not an object");
    } else {
      rtcp = parseRtcpParameters(rtcpNode);
    }
    return new RtpParameters(mid, codecs, exts, encodings, rtcp);
  }

  static RtpCodecParameters parseRtpCodecParameters(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw OrtcException.invalid("codec is not an object");
    }
    String mimeType = mimeType(node);
    JsonNode pt = node.get("payloadType");
    if (pt == null || pt.isNull()) {
      throw OrtcException.invalid("missing codec.payloadType");
    }
    int payloadType = payloadType(pt, "invalid codec.payloadType");
    int clockRate = clockRate(node);
    Integer channels = channels(node, Codecs.kindOf(mimeType));
    return new RtpCodecParameters(
        mimeType, payloadType, clockRate, channels, codecParameters(node), rtcpFeedback(node));
  }

  static RtpHeaderExtensionParameters parseRtpHeaderExtensionParameters(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw OrtcException.invalid("ext is not an object");
    }
    String uri = requiredString(node, "uri", "missing ext.uri");
    int id = extensionId(node.get("id"), "missing ext.id", "invalid ext.id");
    boolean encrypt = optionalBoolean(node, "encrypt", false, "invalid ext.encrypt");
    Map<String, Object> parameters = parameters(node.get("parameters"), "invalid header extension parameter");
    return new RtpHeaderExtensionParameters(uri, id, encrypt, parameters);
  }

  static RtpEncodingParameters parseRtpEncodingParameters(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw OrtcException.invalid("encoding is not an object");
    }
    Long ssrc = optionalSsrc(node.get("ssrc"), "invalid encoding.ssrc");
    String rid = null;
    JsonNode ridNode = node.get("rid");
    if (ridNode != null && !ridNode.isNull()) {
      if (!ridNode.isTextual() || !RID.matcher(ridNode.textValue()).matches()) {
        throw OrtcException.invalid("invalid encoding.rid");
      }
      rid = ridNode.textValue();
    }
    Integer codecPayloadType = null;
    JsonNode cpt = node.get("codecPayloadType");
    if (cpt != null && !cpt.isNull()) {
      codecPayloadType = payloadType(cpt, "invalid encoding.codecPayloadType");
    }
    RtxParameters rtx = null;
    JsonNode rtxNode = node.get("rtx");
    if (rtxNode != null && !rtxNode.isNull()) {
      if (!rtxNode.isObject()) {
        throw OrtcException.invalid("invalid encoding.rtx");
      }
      Long rtxSsrc = optionalSsrc(rtxNode.get("ssrc"), "missing encoding.rtx.ssrc");
      if (rtxSsrc == null) {
        throw OrtcException.invalid("missing encoding.rtx.ssrc");
      }
      rtx = new RtxParameters(rtxSsrc);
    }
    Boolean dtx = optionalBooleanObject(node, "dtx", "invalid encoding.dtx");
    String scalabilityMode = optionalString(node, "scalabilityMode", "invalid encoding.scalabilityMode");
    Double scale = optionalPositive(node, "scaleResolutionDownBy", "invalid encoding.scaleResolutionDownBy");
    Double maxBitrate = optionalPositive(node, "maxBitrate", "invalid encoding.maxBitrate");
    Double maxFramerate = optionalPositive(node, "maxFramerate", "invalid encoding.maxFramerate");
    Boolean adaptivePtime = optionalBooleanObject(node, "adaptivePtime", "invalid encoding.adaptivePtime");
    String priority = optionalPriority(node, "priority");
    String networkPriority = optionalPriority(node, "networkPriority");
    return new RtpEncodingParameters(
        ssrc, rid, codecPayloadType, rtx, dtx, scalabilityMode, scale,
        maxBitrate == null ? null : Math.round(maxBitrate), maxFramerate, adaptivePtime,
        priority, networkPriority);
  }

  static RtcpParameters parseRtcpParameters(JsonNode node) {
    String cname = optionalString(node, "cname", "invalid rtcp.cname");
    boolean reducedSize = optionalBoolean(node, "reducedSize", true, "invalid rtcp.reducedSize");
    Boolean mux = optionalBooleanObject(node, "mux", "invalid rtcp.mux");
    return new RtcpParameters(cname, reducedSize, mux);
  }

  // ---- field helpers ----

  private static Iterable<JsonNode> optionalArray(JsonNode parent, String field, String path, int max) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw OrtcException.invalid(path + " is not an array");
    }
    if (node.size() > max) {
      throw OrtcException.invalid("too many " + path);
    }
    return node;
  }

  private static String mimeType(JsonNode node) {
    JsonNode mime = node.get("mimeType");
    if (mime == null || !mime.isTextual() || mime.textValue().isEmpty()) {
      throw OrtcException.invalid("missing codec.mimeType");
    }
    String value = mime.textValue();
    Matcher m = MIME_TYPE.matcher(value);
    if (value.length() > MAX_STRING || !m.matches()) {
      throw OrtcException.invalid("invalid codec.mimeType");
    }
    return value;
  }

  private static int clockRate(JsonNode node) {
    JsonNode clock = node.get("clockRate");
    if (clock == null || !clock.isNumber()) {
      throw OrtcException.invalid("missing codec.clockRate");
    }
    if (!clock.canConvertToExactIntegral() || clock.asLong() <= 0 || clock.asLong() > Integer.MAX_VALUE) {
      throw OrtcException.invalid("invalid codec.clockRate");
    }
    return (int) clock.asLong();
  }

  /** Audio defaults to mono; video never carries channels. */
  private static Integer channels(JsonNode node, MediaKind kind) {
    if (kind != MediaKind.AUDIO) {
      return null;
    }
    JsonNode ch = node.get("channels");
    if (ch == null || !ch.isNumber()) {
      return 1;
    }
    if (!ch.canConvertToExactIntegral() || ch.asLong() < 1 || ch.asLong() > 255) {
      throw OrtcException.invalid("invalid codec.channels");
    }
    return (int) ch.asLong();
  }

  /** RTP payload types are 7 bits (RFC 3550 §5.1). */
  private static int payloadType(JsonNode node, String message) {
    if (!node.isNumber() || !node.canConvertToExactIntegral() || node.asLong() < 0 || node.asLong() > 127) {
      throw OrtcException.invalid(message);
    }
    return (int) node.asLong();
  }

  /** Header extension ids are 1..14 (one-byte) or 1..255 (two-byte, RFC 8285); 0 is padding. */
  private static int extensionId(JsonNode node, String missing, String invalid) {
    if (node == null || !node.isNumber()) {
      throw OrtcException.invalid(missing);
    }
    if (!node.canConvertToExactIntegral() || node.asLong() < 1 || node.asLong() > 255) {
      throw OrtcException.invalid(invalid);
    }
    return (int) node.asLong();
  }

  private static Long optionalSsrc(JsonNode node, String message) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isNumber() || !node.canConvertToExactIntegral() || node.asLong() < 1 || node.asLong() > 0xFFFFFFFFL) {
      throw OrtcException.invalid(message);
    }
    return node.asLong();
  }

  private static Map<String, Object> codecParameters(JsonNode node) {
    Map<String, Object> parameters = parameters(node.get("parameters"), null);
    Object apt = parameters.get("apt");
    if (apt != null && !(apt instanceof Number)) {
      throw OrtcException.invalid("invalid codec apt parameter");
    }
    return parameters;
  }

  /** Values must be strings or numbers; mediasoup rejects anything else. */
  private static Map<String, Object> parameters(JsonNode node, String message) {
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    if (node.size() > MAX_PARAMETERS) {
      throw OrtcException.invalid("too many parameters");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      Object value;
      if (v.isTextual() && v.textValue().length() <= MAX_STRING) {
        value = v.textValue();
      } else if (v.isNumber()) {
        value = number(v);
      } else {
        throw OrtcException.invalid(
            message != null ? message : "invalid codec parameter [key:" + e.getKey() + ", value:" + v + "]");
      }
      out.put(e.getKey(), value);
    }
    return out;
  }

  /** Integral values become Integer (or Long), so they print without a fraction, as in JS. */
  private static Object number(JsonNode v) {
    if (v.canConvertToExactIntegral()) {
      long l = v.asLong();
      return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
    }
    return v.asDouble();
  }

  private static List<RtcpFeedback> rtcpFeedback(JsonNode node) {
    JsonNode fbs = node.get("rtcpFeedback");
    if (fbs == null || !fbs.isArray()) {
      return List.of();
    }
    if (fbs.size() > MAX_FEEDBACK) {
      throw OrtcException.invalid("too many codec.rtcpFeedback");
    }
    List<RtcpFeedback> out = new ArrayList<>();
    for (JsonNode fb : fbs) {
      if (!fb.isObject()) {
        throw OrtcException.invalid("fb is not an object");
      }
      JsonNode type = fb.get("type");
      if (type == null || !type.isTextual() || type.textValue().isEmpty() || type.textValue().length() > MAX_STRING) {
        throw OrtcException.invalid("missing fb.type");
      }
      JsonNode parameter = fb.get("parameter");
      String p = parameter != null && parameter.isTextual() ? parameter.textValue() : "";
      out.add(new RtcpFeedback(type.textValue(), p));
    }
    return out;
  }

  private static String requiredString(JsonNode node, String field, String message) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.textValue().isEmpty() || v.textValue().length() > MAX_STRING) {
      throw OrtcException.invalid(message);
    }
    return v.textValue();
  }

  private static String optionalString(JsonNode node, String field, String message) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() || v.textValue().length() > MAX_STRING) {
      throw OrtcException.invalid(message);
    }
    return v.textValue();
  }

  private static boolean optionalBoolean(JsonNode node, String field, boolean absent, String message) {
    Boolean value = optionalBooleanObject(node, field, message);
    return value == null ? absent : value;
  }

  private static Boolean optionalBooleanObject(JsonNode node, String field, String message) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isBoolean()) {
      throw OrtcException.invalid(message);
    }
    return v.booleanValue();
  }

  private static Double optionalPositive(JsonNode node, String field, String message) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isNumber() || !(v.asDouble() > 0) || Double.isInfinite(v.asDouble())) {
      throw OrtcException.invalid(message);
    }
    return v.asDouble();
  }

  private static String optionalPriority(JsonNode node, String field) {
    String value = optionalString(node, field, "invalid encoding." + field);
    if (value != null && !PRIORITIES.contains(value)) {
      throw OrtcException.invalid("invalid encoding." + field);
    }
    return value;
  }
}
