package dev.hongyan.server.http;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** A route's path template: literal segments and {@code {name}} segments that capture one path segment each. */
final class PathTemplate {

    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String text;
    private final List<String> literals; // null entry = parameter at that position
    private final List<String> names;    // parameter name at that position, or null

    private PathTemplate(String text, List<String> literals, List<String> names) {
        this.text = text;
        this.literals = literals;
        this.names = names;
    }

    static PathTemplate parse(String template) {
        if (template == null || !template.startsWith("/")) {
            throw new IllegalArgumentException("path template must start with '/': " + template);
        }
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String segment : Paths.split(template)) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                if (!PARAM_NAME.matcher(name).matches() || !seen.add(name)) {
                    throw new IllegalArgumentException("bad or repeated parameter '" + segment + "' in " + template);
                }
                literals.add(null);
                names.add(name);
            } else if (segment.contains("{") || segment.contains("}")) {
                throw new IllegalArgumentException("a parameter must be a whole segment in " + template);
            } else {
                literals.add(segment);
                names.add(null);
            }
        }
        return new PathTemplate(template, literals, names);
    }

    String text() {
        return text;
    }

    /** The template with parameter names erased: two templates with one shape match the same paths. */
    String shape() {
        StringBuilder shape = new StringBuilder();
        for (String literal : literals) {
            shape.append('/').append(literal == null ? "{}" : literal);
        }
        return shape.toString();
    }

    /** Captured parameters if {@code segments} (decoded) match, else null. */
    Map<String, String> match(List<String> segments) {
        if (segments.size() != literals.size()) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < segments.size(); i++) {
            String literal = literals.get(i);
            if (literal == null) {
                if (segments.get(i).isEmpty()) {
                    return null; // "/rooms//peers" does not name a room
                }
                if (params == null) {
                    params = new LinkedHashMap<>();
                }
                params.put(names.get(i), segments.get(i));
            } else if (!literal.equals(segments.get(i))) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    /** Orders more specific templates first: at the first position where they differ, a literal beats a parameter. */
    static int bySpecificity(PathTemplate a, PathTemplate b) {
        int n = Math.min(a.literals.size(), b.literals.size());
        for (int i = 0; i < n; i++) {
            boolean aLiteral = a.literals.get(i) != null;
            boolean bLiteral = b.literals.get(i) != null;
            if (aLiteral != bLiteral) {
                return aLiteral ? -1 : 1;
            }
        }
        return Integer.compare(a.literals.size(), b.literals.size());
    }
}
