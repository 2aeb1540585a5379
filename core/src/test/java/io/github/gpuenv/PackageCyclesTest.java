package io.github.gpuenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages of gpuenv-core depend on each other one way only (issue #9: there was a cycle through the API,
 * {@code internal} and {@code spi}): the compiled classes are read with the JDK's {@code jdeps}, and no set of
 * packages may reach each other. Layers, bottom first: {@code internal} (utilities) → {@code system} →
 * {@code config} → {@code report} → {@code spi} → {@code internal.json}, {@code internal.probe},
 * {@code internal.check}, {@code internal.fixture} → the areas ({@code internal.host}, {@code internal.nvidia},
 * {@code internal.container}, {@code internal.procfs}) → {@code internal.detect} → {@code io.github.gpuenv} (the entry
 * point) → {@code capture}, {@code cdi}.
 */
class PackageCyclesTest {

    private static final Pattern EDGE = Pattern.compile("^\\s+(io\\.github\\.gpuenv[\\w.]*)\\s+->\\s+(io\\.github\\.gpuenv[\\w.]*)\\b");

    @TempDir
    Path copy;

    @Test
    void corePackagesHaveNoCycle() throws IOException {
        Path classes = Path.of("target", "classes");
        assertThat(Files.isDirectory(classes.resolve("io/github/gpuenv"))).as("compiled classes at " + classes).isTrue();
        Map<String, Set<String>> edges = packageEdges(withoutModuleDescriptor(classes));
        assertThat(edges).as("jdeps found the packages").containsKeys("io.github.gpuenv", "io.github.gpuenv.report",
                "io.github.gpuenv.internal.detect");
        List<Set<String>> cycles = stronglyConnected(edges).stream().filter(c -> c.size() > 1).toList();
        assertThat(cycles).as("package cycles (each set reaches itself): " + describe(cycles, edges)).isEmpty();
    }

    /** A cycle, planted in a copy of the edges, is found: the check can fail. */
    @Test
    void aPlantedCycleIsFound() {
        Map<String, Set<String>> edges = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
                "d", Set.of("a")));
        assertThat(stronglyConnected(edges)).contains(Set.of("a", "b", "c"));
    }

    /**
     * The classes without {@code module-info.class}: jdeps then reads them as a plain class directory and needs no
     * module path (with the descriptor it would resolve every required module first).
     */
    private Path withoutModuleDescriptor(Path classes) throws IOException {
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(classes.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else if (f.toString().endsWith(".class") && !f.getFileName().toString().equals("module-info.class")) {
                    Files.copy(f, target);
                }
            }
        }
        return copy;
    }

    private static Map<String, Set<String>> packageEdges(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out);
        int rc = jdeps.run(writer, writer, "-verbose:package", "-filter:none", classes.toString());
        writer.flush();
        assertThat(rc).as(out.toString()).isZero();
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                edges.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                edges.computeIfAbsent(m.group(2), k -> new TreeSet<>());
            }
        }
        return edges;
    }

    /** Tarjan's strongly connected components. */
    static List<Set<String>> stronglyConnected(Map<String, Set<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> components = new ArrayList<>();
        int[] counter = {0};
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) {
                visit(v, edges, index, low, stack, onStack, components, counter);
            }
        }
        return components;
    }

    private static void visit(String v, Map<String, Set<String>> edges, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                              List<Set<String>> components, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]++);
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                visit(w, edges, index, low, stack, onStack, components, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }

    private static String describe(List<Set<String>> cycles, Map<String, Set<String>> edges) {
        StringBuilder b = new StringBuilder();
        for (Set<String> c : cycles) {
            for (String from : c) {
                for (String to : edges.get(from)) {
                    if (c.contains(to)) {
                        b.append("\n  ").append(from).append(" -> ").append(to);
                    }
                }
            }
        }
        return b.toString();
    }
}
