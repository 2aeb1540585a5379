package io.github.gpuenv.internal.container;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a CDI spec's {@code kind} and device names, fully qualified ({@code nvidia.com/gpu=all}). JSON is read
 * with Jackson's streaming parser, so a truncated file still yields what precedes the cut; YAML with a small
 * line reader for the shape {@code nvidia-ctk cdi generate} writes ({@code kind:} at the top level, {@code - name:}
 * items under {@code devices:}), tolerating comments, tabs (four columns), quotes, {@code ---} and any consistent indentation.
 * No YAML library.
 *
 * <p>{@code Optional<Spec> s = CdiSpecParser.parse(Files.readString(Path.of("/etc/cdi/nvidia.yaml")));}
 *
 * <p>Never throws; empty when no {@code kind} is found.
 */
public final class CdiSpecParser {

    private static final JsonFactory JSON = new JsonFactory();
    private static final int MAX_LINES = 200_000;
    private static final int MAX_DEVICES = 4096;

    private CdiSpecParser() {
    }

    /**
     * What a spec offers.
     *
     * @param kind e.g. {@code "nvidia.com/gpu"}
     * @param devices fully qualified names, in file order, e.g. {@code ["nvidia.com/gpu=0", "nvidia.com/gpu=all"]}
     */
    public record Spec(String kind, List<String> devices) {
        public Spec {
            java.util.Objects.requireNonNull(kind, "kind");
            devices = List.copyOf(devices);
        }
    }

    /** The spec in {@code content} (JSON when it starts with <code>{</code>, YAML otherwise). */
    public static Optional<Spec> parse(String content) {
        if (content == null) {
            return Optional.empty();
        }
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        return text.stripLeading().startsWith("{") ? json(text) : yaml(text);
    }

    private static Optional<Spec> json(String text) {
        String kind = null;
        List<String> names = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if ("kind".equals(field) && value == JsonToken.VALUE_STRING) {
                    kind = p.getText();
                } else if ("devices".equals(field) && value == JsonToken.START_ARRAY) {
                    readDeviceNames(p, names);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // truncated or malformed: keep what was read before the fault
        }
        return spec(kind, names);
    }

    private static void readDeviceNames(JsonParser p, List<String> names) throws IOException {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.getCurrentName();
                JsonToken value = p.nextToken();
                if ("name".equals(field) && value == JsonToken.VALUE_STRING && names.size() < MAX_DEVICES) {
                    names.add(p.getText());
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static Optional<Spec> yaml(String text) {
        String kind = null;
        List<String> names = new ArrayList<>();
        boolean inDevices = false;
        int itemIndent = -1;
        int keyIndent = -1;
        boolean itemNamed = false;
        String[] lines = text.split("\r?\n", MAX_LINES + 1);
        for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
            String line = ConfigLines.stripComment(lines[i].replace("\t", "    "), true);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("---")) {
                if (kind != null) {
                    break;
                }
                continue;
            }
            int indent = indentOf(line);
            String body = line.strip();
            boolean item = body.startsWith("- ") || body.equals("-");
            if (indent == 0 && !(inDevices && item)) {
                inDevices = false;
                if (body.startsWith("kind:")) {
                    kind = ConfigLines.unquote(body.substring(5));
                } else if (body.equals("devices:")) {
                    inDevices = true;
                    itemIndent = -1;
                }
                continue;
            }
            if (!inDevices) {
                continue;
            }
            if (item) {
                if (itemIndent < 0) {
                    itemIndent = indent;
                }
                if (indent != itemIndent) {
                    continue;
                }
                String afterDash = body.substring(1);
                keyIndent = indent + 1 + (afterDash.length() - afterDash.stripLeading().length());
                itemNamed = false;
                body = afterDash.strip();
                indent = keyIndent;
            }
            if (indent == keyIndent && !itemNamed && body.startsWith("name:") && names.size() < MAX_DEVICES) {
                String name = ConfigLines.unquote(body.substring(5));
                if (!name.isEmpty()) {
                    names.add(name);
                    itemNamed = true;
                }
            }
        }
        return spec(kind, names);
    }

    private static Optional<Spec> spec(String kind, List<String> names) {
        if (kind == null || kind.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Spec(kind, names.stream().map(n -> kind + "=" + n).toList()));
    }

    private static int indentOf(String line) {
        int n = 0;
        while (n < line.length() && line.charAt(n) == ' ') {
            n++;
        }
        return n;
    }


}
