package io.streamtune.quality.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurveChartTest {

    static final String HEADER = "step,streamed,labels_used,outcome,promoted,test_acc,test_f1,bow_same_labels_acc\n";

    @TempDir
    Path folder;

    @Test
    void shouldReadLabelsBeyondTheSeedAndTheRejectedSteps() throws IOException {
        Path file = write(
                "curve.csv",
                HEADER
                        + "0,0,150,BOOTSTRAP,true,0.8200,0.8100,0.6500\n"
                        + "1,200,190,REJECTED,false,0.8200,0.8100,0.6400\n"
                        + "2,400,230,PROMOTED,true,0.8550,0.8500,0.6500\n");

        List<CurveStep> accuracy = CurveFile.read(file, ChartMetric.TEST_ACC);
        List<CurveStep> f1 = CurveFile.read(file, ChartMetric.TEST_F1);

        assertThat(accuracy)
                .containsExactly(
                        new CurveStep(0, 0.82, false), new CurveStep(40, 0.82, true), new CurveStep(80, 0.855, false));
        assertThat(f1).extracting(CurveStep::value).containsExactly(0.81, 0.81, 0.85);
    }

    @Test
    void shouldWriteAPngOfTheAskedSizeWithAnAxisFromBelowTheLowestValueToOne() throws IOException {
        NamedCurve uncertain =
                new NamedCurve("uncertain", List.of(new CurveStep(0, 0.82, false), new CurveStep(40, 0.90, true)));
        NamedCurve arrival =
                new NamedCurve("arrival", List.of(new CurveStep(0, 0.82, false), new CurveStep(40, 0.76, false)));
        Path png = folder.resolve("charts/curves.png");

        JFreeChart chart = CurveChart.build("Curves", ChartMetric.TEST_ACC, List.of(uncertain, arrival));
        CurveChart.writePng(chart, png, 640, 400);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(400);
        ValueAxis range = chart.getXYPlot().getRangeAxis();
        assertThat(range.getLowerBound()).isEqualTo(0.70, offset(1e-9));
        assertThat(range.getUpperBound()).isEqualTo(1.0);
        assertThat(chart.getXYPlot().getDataset().getSeriesCount()).isEqualTo(2);
        try (Stream<Path> written = Files.list(png.getParent())) {
            assertThat(written).containsExactly(png); // the temporary file was moved into place
        }
    }

    @Test
    void shouldRefuseAFileWithoutTheColumnsNamingTheColumn() throws IOException {
        Path file = write("windows.csv", "window,first_event,events,accuracy\n0,0,100,0.8\n");

        assertThatThrownBy(() -> CurveFile.read(file, ChartMetric.TEST_ACC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("no column step");
    }

    @Test
    void shouldRefuseAMissingFileAndAFileWithoutBootstrap() throws IOException {
        Path missing = folder.resolve("missing.csv");
        Path noBootstrap = write("late.csv", HEADER + "1,200,190,REJECTED,false,0.8200,0.8100,0.6400\n");

        assertThatThrownBy(() -> CurveFile.read(missing, ChartMetric.TEST_ACC)).hasMessage(missing + ": no such file");
        assertThatThrownBy(() -> CurveFile.read(noBootstrap, ChartMetric.TEST_ACC))
                .hasMessageContaining("no step 0");
    }

    @Test
    void shouldRefuseACellThatIsNotANumberNamingTheLineAndColumn() throws IOException {
        Path file = write("blank.csv", HEADER + "0,0,150,BOOTSTRAP,true,,0.8100,0.6500\n");

        assertThatThrownBy(() -> CurveFile.read(file, ChartMetric.TEST_ACC))
                .hasMessageContaining("line 2: test_acc '' is not a number");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }
}
