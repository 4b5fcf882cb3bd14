package dev.hongyan.media.ortc;

import java.util.Locale;

/** Mime type helpers shared by capabilities and parameters. */
final class Codecs {
  private Codecs() {}

  static boolean isRtx(String mimeType) {
    String lower = mimeType.toLowerCase(Locale.ROOT);
    int slash = lower.indexOf('/');
    return slash > 0 && lower.substring(slash + 1).equals("rtx");
  }

  /** The kind named by the mime type's top-level type, or null if it is neither audio nor video. */
  static MediaKind kindOf(String mimeType) {
    int slash = mimeType.indexOf('/');
    if (slash <= 0 || slash == mimeType.length() - 1) {
      return null;
    }
    return MediaKind.fromValue(mimeType.substring(0, slash).toLowerCase(Locale.ROOT));
  }

  static String lower(String mimeType) {
    return mimeType.toLowerCase(Locale.ROOT);
  }
}
