package io.github.gpuenv.report;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * Writes the report's values — records, lists, maps, enums, strings, numbers, booleans — with jackson-core's
 * {@link JsonGenerator}, the way databind writes them with its defaults: a record is an object of its components in
 * declaration order, an enum is its {@link JsonValue} method's result (else its name), {@code null} is
 * {@code null}. The one generic place that walks the values; it spares a cold CLI databind's serializer
 * introspection of every record type (a tenth of a second), and {@code ReportJsonTest} holds it to databind's
 * output.
 *
 * <p>{@code RecordJson.write(generator, report.docker().value(), null);}
 */
final class RecordJson {

    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private static final ClassValue<Method> JSON_VALUE = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() == 0 && method.isAnnotationPresent(JsonValue.class)) {
                    return method;
                }
            }
            return null;
        }
    };

    private RecordJson() {
    }

    /**
     * Writes {@code value}.
     *
     * @param extraName when {@code value} is a record, one more string field written after its components (the
     *        report's {@code probe}); {@code null}: none
     * @param extraValue that field's value
     */
    static void write(JsonGenerator out, Object value, String extraName, String extraValue) throws IOException {
        if (value instanceof Record record) {
            out.writeStartObject();
            for (RecordComponent component : COMPONENTS.get(record.getClass())) {
                out.writeFieldName(component.getName());
                write(out, invoke(component.getAccessor(), record), null, null);
            }
            if (extraName != null) {
                out.writeStringField(extraName, extraValue);
            }
            out.writeEndObject();
        } else {
            write(out, value);
        }
    }

    /** Writes {@code value}. */
    static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof Record) {
            write(out, value, null, null);
        } else if (value instanceof CharSequence text) {
            out.writeString(text.toString());
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.writeNumber(((Number) value).intValue());
        } else if (value instanceof Long number) {
            out.writeNumber(number);
        } else if (value instanceof Double || value instanceof Float) {
            out.writeNumber(((Number) value).doubleValue());
        } else if (value instanceof Enum<?> constant) {
            Method json = JSON_VALUE.get(constant.getDeclaringClass());
            write(out, json == null ? constant.name() : invoke(json, constant));
        } else if (value instanceof Iterable<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                write(out, item);
            }
            out.writeEndArray();
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else {
            throw new IllegalArgumentException("no JSON form for a " + value.getClass().getName()
                    + " in a report value (add it to RecordJson)");
        }
    }

    private static Object invoke(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor + " for JSON", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(accessor + " failed while writing JSON", e.getCause());
        }
    }
}
