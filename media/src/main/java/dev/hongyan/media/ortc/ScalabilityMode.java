package dev.hongyan.media.ortc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed W3C scalability mode ({@code L3T3}, {@code S2T1}, {@code L3T3_KEY}...). Anything
 * unparsable means one spatial and one temporal layer, as in mediasoup.
 */
public record ScalabilityMode(int spatialLayers, int temporalLayers, boolean ksvc) {

  // Not anchored at the end, like mediasoup: "L3T3_KEY_SHIFT" still reads as 3 and 3.
  private static final Pattern MODE = Pattern.compile("^[LS]([1-9]\\d?)T([1-9]\\d?)(_KEY)?");

  public static ScalabilityMode parse(String mode) {
    if (mode != null) {
      Matcher m = MODE.matcher(mode);
      if (m.find()) {
        return new ScalabilityMode(
            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3) != null);
      }
    }
    return new ScalabilityMode(1, 1, false);
  }
}
