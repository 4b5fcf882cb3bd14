package dev.hongyan.media.ortc;

import java.util.List;
import java.util.Map;

/**
 * H.264 {@code profile-level-id} (RFC 6184 §8.1) the way libwebrtc and mediasoup read it: the
 * profile is derived from profile_idc plus the constraint flags in profile-iop, so e.g. 42e01f and
 * 42c01f are both Constrained Baseline. Two codecs are compatible when their profiles are equal;
 * levels are negotiated (RFC 6184 level-asymmetry-allowed).
 */
record H264ProfileLevelId(Profile profile, int level) {

  enum Profile {
    CONSTRAINED_BASELINE,
    BASELINE,
    MAIN,
    CONSTRAINED_HIGH,
    HIGH,
    PREDICTIVE_HIGH_444
  }

  /** Level 1b has no level_idc of its own; it is 11 plus constraint_set3. Kept apart as 0. */
  static final int LEVEL_1B = 0;

  static final int LEVEL_1 = 10;
  static final int LEVEL_3_1 = 31;

  private static final int CONSTRAINT_SET3_FLAG = 0x10;

  private static final List<Integer> VALID_LEVELS =
      List.of(10, 11, 12, 13, 20, 21, 22, 30, 31, 32, 40, 41, 42, 50, 51, 52);

  /** profile_idc plus a pattern over profile-iop ('x' = don't care), MSB first. */
  private record Pattern(int profileIdc, int mask, int maskedValue, Profile profile) {
    static Pattern of(int profileIdc, String bits, Profile profile) {
      int mask = 0;
      int value = 0;
      for (int i = 0; i < 8; i++) {
        char c = bits.charAt(i);
        int bit = 1 << (7 - i);
        if (c != 'x') {
          mask |= bit;
          if (c == '1') {
            value |= bit;
          }
        }
      }
      return new Pattern(profileIdc, mask, value, profile);
    }

    boolean matches(int idc, int iop) {
      return idc == profileIdc && (iop & mask) == maskedValue;
    }
  }

  // Order matters: the first match wins (Constrained Baseline before Baseline).
  private static final List<Pattern> PATTERNS =
      List.of(
          Pattern.of(0x42, "x1xx0000", Profile.CONSTRAINED_BASELINE),
          Pattern.of(0x4D, "1xxx0000", Profile.CONSTRAINED_BASELINE),
          Pattern.of(0x58, "11xx0000", Profile.CONSTRAINED_BASELINE),
          Pattern.of(0x42, "x0xx0000", Profile.BASELINE),
          Pattern.of(0x58, "10xx0000", Profile.BASELINE),
          Pattern.of(0x4D, "0x0x0000", Profile.MAIN),
          Pattern.of(0x64, "00000000", Profile.HIGH),
          Pattern.of(0x64, "00001100", Profile.CONSTRAINED_HIGH),
          Pattern.of(0xF4, "00000000", Profile.PREDICTIVE_HIGH_444));

  /** Parses a 6-hex-digit string; null when malformed or naming no known profile/level. */
  static H264ProfileLevelId parse(String str) {
    if (str == null || str.length() != 6) {
      return null;
    }
    int numeric;
    try {
      numeric = Integer.parseInt(str, 16);
    } catch (NumberFormatException e) {
      return null;
    }
    if (numeric == 0) {
      return null;
    }
    int levelIdc = numeric & 0xFF;
    int profileIop = (numeric >> 8) & 0xFF;
    int profileIdc = (numeric >> 16) & 0xFF;
    int level;
    if (levelIdc == 11) {
      level = (profileIop & CONSTRAINT_SET3_FLAG) != 0 ? LEVEL_1B : 11;
    } else if (VALID_LEVELS.contains(levelIdc)) {
      level = levelIdc;
    } else {
      return null;
    }
    for (Pattern p : PATTERNS) {
      if (p.matches(profileIdc, profileIop)) {
        return new H264ProfileLevelId(p.profile(), level);
      }
    }
    return null;
  }

  /** RFC 6184: a missing profile-level-id means Constrained Baseline level 3.1. */
  static H264ProfileLevelId fromParameters(Map<String, Object> parameters) {
    Object value = parameters.get("profile-level-id");
    if (value == null) {
      return new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, LEVEL_3_1);
    }
    return parse(value.toString());
  }

  static boolean isSameProfile(Map<String, Object> a, Map<String, Object> b) {
    H264ProfileLevelId pa = fromParameters(a);
    H264ProfileLevelId pb = fromParameters(b);
    return pa != null && pb != null && pa.profile == pb.profile;
  }

  /**
   * The profile-level-id to use when {@code local} answers {@code remote}: the local level if both
   * allow level asymmetry, else the lower of the two. Null when neither side names one (both use
   * the default). Throws when either is invalid or the profiles differ.
   */
  static String answer(Map<String, Object> local, Map<String, Object> remote) {
    if (!local.containsKey("profile-level-id") && !remote.containsKey("profile-level-id")) {
      return null;
    }
    H264ProfileLevelId l = fromParameters(local);
    H264ProfileLevelId r = fromParameters(remote);
    if (l == null) {
      throw OrtcException.invalid("invalid local profile-level-id");
    }
    if (r == null) {
      throw OrtcException.invalid("invalid remote profile-level-id");
    }
    if (l.profile != r.profile) {
      throw OrtcException.invalid("H264 Profile mismatch");
    }
    boolean asymmetry = levelAsymmetryAllowed(local) && levelAsymmetryAllowed(remote);
    int level = asymmetry ? l.level : minLevel(l.level, r.level);
    return new H264ProfileLevelId(l.profile, level).toHex();
  }

  private static boolean levelAsymmetryAllowed(Map<String, Object> parameters) {
    return Params.integer(parameters, "level-asymmetry-allowed", 0) == 1;
  }

  /** Level 1b sits between 1 and 1.1 although its numeric stand-in is 0. */
  static boolean isLessLevel(int a, int b) {
    if (a == LEVEL_1B) {
      return b != LEVEL_1 && b != LEVEL_1B;
    }
    if (b == LEVEL_1B) {
      return a != LEVEL_1;
    }
    return a < b;
  }

  static int minLevel(int a, int b) {
    return isLessLevel(a, b) ? a : b;
  }

  /** Canonical hex form; null for level 1b with a profile that cannot express it. */
  String toHex() {
    if (level == LEVEL_1B) {
      return switch (profile) {
        case CONSTRAINED_BASELINE -> "42f00b";
        case BASELINE -> "42100b";
        case MAIN -> "4d100b";
        default -> null;
      };
    }
    String prefix =
        switch (profile) {
          case CONSTRAINED_BASELINE -> "42e0";
          case BASELINE -> "4200";
          case MAIN -> "4d00";
          case CONSTRAINED_HIGH -> "640c";
          case HIGH -> "6400";
          case PREDICTIVE_HIGH_444 -> "f400";
        };
    return prefix + String.format("%02x", level);
  }
}
