package org.perfdesk.exchange.pkg;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
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
 * coercion of one type into another. Writing uses the same mapper so output reads back.
 */
public final class StrictJson {
    public static final int MAX_DEPTH = 64;
    public static final int MAX_STRING = 1_000_000;

    private static final ObjectMapper MAPPER = build();

    private StrictJson() {
    }

    private static ObjectMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH)
                        .maxStringLength(MAX_STRING)
                        .maxNumberLength(64)
                        .maxNameLength(200)
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

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses untrusted bytes into a type, turning every kind of refusal into a coded reason. */
    public static <T> T read(byte[] json, Class<T> type, String entry) {
        try {
            scan(json);
            return MAPPER.readValue(json, type);
        } catch (StreamConstraintsException e) {
            String m = String.valueOf(e.getMessage());
            throw new PackageException(e, m.contains("nesting depth") ? "json-too-deep" : "json-too-long", entry);
        } catch (JsonParseException e) {
            if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
                throw new PackageException(e, "duplicate-key", entry, e.getOriginalMessage());
            }
            throw new PackageException(e, "bad-json", entry, e.getOriginalMessage());
        } catch (UnrecognizedPropertyException e) {
            throw new PackageException(e, "unknown-field", entry, e.getPropertyName());
        } catch (InvalidTypeIdException e) {
            throw new PackageException(e, "unknown-field", entry, e.getTypeId());
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new PackageException(e, "bad-json", entry, e.getOriginalMessage());
        } catch (IOException e) {
            throw new PackageException(e, "bad-json", entry, e.getMessage());
        }
    }

    /**
     * One streaming pass over the whole text before mapping: depth, length and duplicate keys are
     * judged on what was sent, not only on the part the mapper would read before a type mismatch.
     */
    private static void scan(byte[] json) throws IOException {
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == com.fasterxml.jackson.core.JsonToken.VALUE_STRING) {
                    p.getText(); // materialised, so the length limit applies
                }
            }
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
