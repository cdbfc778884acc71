package io.streamtune.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartCommandTest {

    private static final String CURVE = "step,streamed,labels_used,outcome,promoted,test_acc,test_f1\n"
            + "0,0,150,BOOTSTRAP,true,0.8200,0.8100\n"
            + "1,200,190,REJECTED,false,0.8200,0.8100\n"
            + "2,400,230,PROMOTED,true,0.8550,0.8500\n";

    @TempDir
    Path folder;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream systemErr;
    private PrintStream systemOut;
    private Path curve;
    private Path png;

    @BeforeEach
    void captureOutput() throws IOException {
        systemErr = System.err;
        systemOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        curve = Files.writeString(folder.resolve("few-labels-seed1-curve.csv"), CURVE);
        png = folder.resolve("chart.png");
    }

    @AfterEach
    void restoreOutput() {
        System.setErr(systemErr);
        System.setOut(systemOut);
    }

    @Test
    void shouldDrawTheNamedCurvesAsAPng() throws IOException {
        int exit = QualityMain.run(
                "chart", "--out", png.toString(), "--width", "500", "--height", "300", "a=" + curve, "b=" + curve);

        assertThat(exit).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(500);
        assertThat(image.getHeight()).isEqualTo(300);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("wrote " + png, "(2 curves)");
    }

    @Test
    void shouldRefuseAnArgumentWithoutEquals() throws IOException {
        assertRefused("curve argument 'uncertain' is not NAME=CURVE_CSV", "uncertain");
    }

    @Test
    void shouldRefuseAMissingFile() throws IOException {
        Path missing = folder.resolve("gone.csv");

        assertRefused("curve argument 'gone=" + missing + "': " + missing + ": no such file", "gone=" + missing);
    }

    @Test
    void shouldRefuseACsvWithoutTheCurveColumns() throws IOException {
        Path windows = Files.writeString(folder.resolve("windows.csv"), "window,events,accuracy\n0,100,0.8\n");

        assertRefused("curve argument 'w=" + windows + "': " + windows + ": no column step", "w=" + windows);
    }

    @Test
    void shouldRefuseAnUnknownMetric() throws IOException {
        assertRefused("--metric audit_acc: not one of test_acc, test_f1", "--metric", "audit_acc", "a=" + curve);
    }

    @Test
    void shouldRefuseANameGivenTwice() throws IOException {
        assertRefused("the name a is given twice", "a=" + curve, "a=" + curve);
    }

    /** Exit code 2, one line on stderr naming the argument, and nothing in the folder but the input CSVs. */
    private void assertRefused(String message, String... arguments) throws IOException {
        String[] line = Stream.concat(Stream.of("chart", "--out", png.toString()), Stream.of(arguments))
                .toArray(String[]::new);

        int exit = QualityMain.run(line);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .asString()
                .contains(message);
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files)
                    .isNotEmpty()
                    .allMatch(file -> file.getFileName().toString().endsWith(".csv"));
        }
    }
}
