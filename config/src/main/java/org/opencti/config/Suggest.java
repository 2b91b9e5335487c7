package org.opencti.config;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** "Did you mean" hints for misspelt keys. */
final class Suggest {

    private Suggest() {
    }

    /** {@code (did you mean "port"?)} when a key is close to {@code key}, else the list of valid keys. */
    static String hint(String key, List<String> valid) {
        String best = closest(key, valid);
        if (best != null) {
            return "(did you mean " + Secrets.quote(best) + "?)";
        }
        return valid.isEmpty() ? "(no keys are allowed here)" : "(expected one of " + String.join(", ", valid) + ")";
    }

    static String closest(String key, Collection<String> valid) {
        final int longestKeyWorthComparing = 64;
        if (key.length() > longestKeyWorthComparing) {
            return null;
        }
        String normalized = normalize(key);
        String lowerKey = key.toLowerCase(Locale.ROOT);
        int allowed = key.length() <= 4 ? 1 : key.length() <= 10 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            // Catches kebab-case and snake_case spellings of our camelCase keys whatever their length.
            if (normalize(candidate).equals(normalized)) {
                return candidate;
            }
            // The distance is at least the difference in length; skipping those keeps a long list of names cheap.
            if (Math.abs(candidate.length() - key.length()) > allowed) {
                continue;
            }
            int distance = distance(lowerKey, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                bestDistance = distance;
                best = candidate;
            }
        }
        return bestDistance <= allowed ? best : null;
    }

    private static String normalize(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Optimal string alignment distance: Levenshtein plus adjacent transpositions, the commonest typo. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
