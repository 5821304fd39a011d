package org.perfdesk.exchange.pkg;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON from a package is untrusted until merged: parsed with hard limits (nesting depth, string and
 * number length), duplicate keys refused, unknown fields refused, no polymorphic type ids, no
 * coercion of one type into another, numbers of bounded digits and exponent. Writing uses the same
 * mapper so output reads back. The limits are in {@link Limits}.
 */
public final class StrictJson {
    public static final int MAX_DEPTH = Limits.JSON_DEPTH;
    public static final int MAX_STRING = Limits.JSON_STRING;

    private static final ObjectMapper MAPPER = build();

    private StrictJson() {
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING)
                        .maxNumberLength(Limits.JSON_DIGITS)
                        .maxNameLength(Limits.JSON_NAME)
                        .build())
                .build();
        JsonMapper mapper = JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build();
        mapper.coercionConfigDefaults()
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // No list or map in any payload holds null: [null] is refused here rather than met later as a
        // missing object (the fuzzer found a null self-assessment taking the importer down).
        mapper.setDefaultSetterInfo(com.fasterxml.jackson.annotation.JsonSetter.Value.forContentNulls(
                com.fasterxml.jackson.annotation.Nulls.FAIL));
        return mapper;
    }

    /**
     * The mapper for bytes {@link #scan} has passed: the scan refused duplicate keys over the whole text, so
     * mapping the same bytes does not keep a set of names per object a second time. Every other check stays.
     * (A copy of the mapper: a reader {@code without} the feature still looked for duplicates.)
     */
    private static final ObjectMapper MAPPING = MAPPER.copy().disable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses untrusted bytes into a type, turning every kind of refusal into a coded reason. */
    public static <T> T read(byte[] json, Class<T> type, String entry) {
        try {
            scan(json, entry, Set.of());
            return MAPPING.readValue(json, type);
        } catch (IOException e) {
            throw refusal(e, entry);
        }
    }

    /**
     * One streaming pass with every check of {@link #read} that needs no type (depth, lengths, numbers,
     * duplicate keys, one value only), picking the scalar values at the given dotted paths through
     * objects ({@code "sender.keyId"}): their text, or no entry when absent or null. Nothing is mapped,
     * so this is what may be looked at before a signature over the bytes is checked.
     */
    public static Map<String, String> pick(byte[] json, String entry, Set<String> paths) {
        try {
            return scan(json, entry, paths);
        } catch (IOException e) {
            throw refusal(e, entry);
        }
    }

    /** Every kind of refusal as its code. */
    private static PackageException refusal(IOException e, String entry) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getMessage());
            return new PackageException(e, m.contains("nesting depth") ? "json-too-deep" : "json-too-long", entry);
        }
        if (e instanceof BadNumber b) {
            return new PackageException(e, "bad-number", entry, b.text, Limits.JSON_EXPONENT);
        }
        if (e instanceof JsonParseException p && String.valueOf(p.getOriginalMessage()).startsWith("Duplicate field")) {
            return new PackageException(e, "duplicate-key", entry, p.getOriginalMessage());
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new PackageException(e, "unknown-field", entry, u.getPropertyName());
        }
        if (e instanceof InvalidTypeIdException i) {
            return new PackageException(e, "unknown-field", entry, i.getTypeId());
        }
        if (e instanceof com.fasterxml.jackson.core.JacksonException j) {
            return new PackageException(e, "bad-json", entry, j.getOriginalMessage());
        }
        return new PackageException(e, "bad-json", entry, e.getMessage());
    }

    /** A number whose exponent is beyond {@link Limits#JSON_EXPONENT}. */
    private static final class BadNumber extends IOException {
        private static final long serialVersionUID = 1L;
        final String text;

        BadNumber(String text) {
            super("exponent out of range");
            this.text = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        }
    }

    /**
     * One streaming pass over the whole text before mapping: depth, length, numbers and duplicate keys
     * are judged on what was sent, not only on the part the mapper would read before a type mismatch.
     */
    private static Map<String, String> scan(byte[] json, String entry, Set<String> paths) throws IOException {
        Map<String, String> picked = new HashMap<>();
        // the dotted path of each open container ("" for the top level), or IN_ARRAY below an array
        Deque<String> at = new ArrayDeque<>();
        String field = null;
        boolean rootDone = false;
        // Paths are built only when something is picked: a snapshot has tens of thousands of objects.
        boolean picking = !paths.isEmpty();
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (at.isEmpty() && rootDone) {
                    throw new JsonParseException(p, "more than one value");
                }
                switch (t) {
                    case FIELD_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        String path = picking ? pathOf(at, field) : null;
                        at.push(path == null ? IN_ARRAY : path);
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        at.pop();
                        rootDone = at.isEmpty();
                    }
                    default -> {
                        String path = picking && t != JsonToken.VALUE_NULL ? pathOf(at, field) : null;
                        boolean wanted = path != null && paths.contains(path);
                        if (t == JsonToken.VALUE_STRING && !wanted) {
                            // Decoded whole (bad UTF-8 is found) and its length judged, without making a
                            // string of it: the mapping pass makes the strings it keeps.
                            int length = p.getTextLength();
                            if (length > MAX_STRING) {
                                throw new StreamConstraintsException(String.format(
                                        "String value length (%d) exceeds the maximum allowed (%d)", length, MAX_STRING));
                            }
                        } else if (t == JsonToken.VALUE_NUMBER_FLOAT || wanted) {
                            String text = p.getText();
                            if (t == JsonToken.VALUE_NUMBER_FLOAT) {
                                checkExponent(text);
                            }
                            if (wanted) {
                                picked.put(path, text);
                            }
                        }
                        // Integers: their digits were counted against the limit as they were read.
                        field = null;
                        rootDone = at.isEmpty();
                    }
                }
            }
        }
        return picked;
    }

    /** Marks a container with no path of its own (inside an array); compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String IN_ARRAY = new String("[]");

    /** The dotted path of a value inside {@code at} under {@code field}; null inside an array. */
    private static String pathOf(Deque<String> at, String field) {
        if (at.isEmpty()) {
            return "";
        }
        String parent = at.peek();
        if (parent == IN_ARRAY || field == null) {
            return null;
        }
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** The exponent of a number as written ({@code 1.5e-3}, {@code 2E+10}) lies within the limit. */
    static void checkExponent(String number) throws BadNumber {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e < 0) {
            return;
        }
        int i = e + 1;
        if (i < number.length() && (number.charAt(i) == '+' || number.charAt(i) == '-')) {
            i++;
        }
        while (i < number.length() - 1 && number.charAt(i) == '0') {
            i++;
        }
        String digits = number.substring(i);
        if (digits.length() > 4 || Integer.parseInt(digits) > Limits.JSON_EXPONENT) {
            throw new BadNumber(number);
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectWriter COMPACT =
            MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    /**
     * The same mapper without indentation, for a payload as large as a unit's snapshot: indentation made a
     * third of its bytes, and every byte of it is written, compressed, encrypted and hashed at both ends.
     * Readers take either layout.
     */
    public static byte[] writeCompact(Object value) {
        try {
            return COMPACT.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
