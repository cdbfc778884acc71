package io.streamtune.demo.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ChartTest {

    @TempDir
    Path folder;

    private static final ChartData DATA = new ChartData(
            "accuracy <per> window",
            List.of(
                    new WindowAccuracy(0, 100, 70, 100, new TreeSet<>(List.of(1L))),
                    new WindowAccuracy(100, 200, 80, 100, new TreeSet<>(List.of(1L, 2L))),
                    new WindowAccuracy(200, 250, 45, 50, new TreeSet<>(List.of(2L)))),
            List.of(new WindowAccuracy.Takeover(1, 0), new WindowAccuracy.Takeover(2, 140)),
            250);

    @Test
    void shouldWriteAWellFormedSvgWithOnePointPerWindowAndOneMarkPerVersion() throws Exception {
        Document svg = parse(SvgChart.svg(DATA));

        NodeList circles = svg.getElementsByTagName("circle");
        assertThat(circles.getLength()).isEqualTo(3);
        List<Element> marks = elements(svg.getElementsByTagName("line")).stream()
                .filter(line -> line.getAttribute("class").equals("version-mark"))
                .toList();
        assertThat(marks).extracting(mark -> mark.getAttribute("data-version")).containsExactly("1", "2");
        double firstX = Double.parseDouble(marks.get(0).getAttribute("x1"));
        double secondX = Double.parseDouble(marks.get(1).getAttribute("x1"));
        assertThat(secondX).isGreaterThan(firstX);
        String points = elements(svg.getElementsByTagName("polyline")).get(0).getAttribute("points");
        assertThat(points.split(" ")).hasSize(3);
    }

    @Test
    void shouldPutTheSvgInAnHtmlPageWithTheTitleEscapedAndNothingExternal() throws Exception {
        Path page = folder.resolve("chart.html");

        SvgChart.writeHtml(DATA, page);

        String html = Files.readString(page, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg").contains("accuracy &lt;per&gt; window");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
    }

    @Test
    void shouldWriteAPngThatDecodesWithTheLineAndTheMarksDrawn() throws Exception {
        Path png = folder.resolve("chart.png");

        PngChart.write(DATA, png);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isEqualTo(ChartGeometry.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartGeometry.HEIGHT);
        ChartGeometry geometry = new ChartGeometry(DATA);
        int markX = (int) Math.round(geometry.x(140));
        assertThat(reddish(image, markX, (int) geometry.plotTop() + 2, (int) geometry.plotBottom() - 2))
                .isTrue();
        WindowAccuracy first = DATA.windows().get(0);
        int pointRgb = image.getRGB((int) Math.round(geometry.x(first)), (int) Math.round(geometry.y(0.7)));
        assertThat(pointRgb & 0xffffff).isNotEqualTo(0xffffff);
    }

    private static boolean reddish(BufferedImage image, int x, int fromY, int toY) {
        for (int y = fromY; y < toY; y++) {
            for (int dx = -1; dx <= 1; dx++) {
                int rgb = image.getRGB(x + dx, y);
                int red = rgb >> 16 & 0xff;
                int blue = rgb & 0xff;
                if (red > 150 && blue < 120) {
                    return true;
                }
            }
        }
        return false;
    }

    static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
