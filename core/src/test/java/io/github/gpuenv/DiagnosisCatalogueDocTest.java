package io.github.gpuenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnosis code ({@code D1}…) that a message or Javadoc of any module cites has its row in
 * {@code docs/diagnosis.md}, and every row says where gpuenv reports it.
 */
class DiagnosisCatalogueDocTest {

    private static final Pattern CITED = Pattern.compile("\\bD([1-9][0-9]?)\\b");
    private static final Pattern ROW = Pattern.compile("^\\| D([1-9][0-9]?) \\|(.*)$", Pattern.MULTILINE);

    @Test
    void everyCitedCodeIsExplained() throws IOException {
        Set<Integer> documented = documentedCodes();
        Set<Integer> cited = new TreeSet<>();
        for (String module : List.of("core", "docker", "wsl", "examples")) {
            try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main"))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(p -> collect(p, cited));
            }
        }
        assertThat(cited).as("codes cited in main sources").isNotEmpty().contains(1, 2, 5);
        assertThat(documented).as("rows of docs/diagnosis.md").containsAll(cited);
    }

    @Test
    void everyRowSaysWhereGpuenvReportsIt() throws IOException {
        Matcher rows = ROW.matcher(Files.readString(Path.of("..", "docs", "diagnosis.md")));
        int count = 0;
        while (rows.find()) {
            String[] cells = rows.group(2).split(" \\| ");
            assertThat(cells).as("D" + rows.group(1) + ": error text, cause, fix, in gpuenv, evidence").hasSize(5);
            assertThat(cells[3].strip()).as("D" + rows.group(1) + " in gpuenv").isNotEmpty();
            count++;
        }
        assertThat(count).isEqualTo(documentedCodes().size()).isGreaterThanOrEqualTo(23);
    }

    private static Set<Integer> documentedCodes() throws IOException {
        Set<Integer> codes = new TreeSet<>();
        Matcher rows = ROW.matcher(Files.readString(Path.of("..", "docs", "diagnosis.md")));
        while (rows.find()) {
            codes.add(Integer.parseInt(rows.group(1)));
        }
        return codes;
    }

    private static void collect(Path file, Set<Integer> into) {
        try {
            Matcher m = CITED.matcher(Files.readString(file));
            while (m.find()) {
                into.add(Integer.parseInt(m.group(1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
