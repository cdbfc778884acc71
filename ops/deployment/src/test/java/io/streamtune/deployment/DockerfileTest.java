package io.streamtune.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What can be checked of the images without a Docker engine: what they copy from the build context exists and is
 * not ignored, the entry points exist, the build-time helper compiles against the applications' classpath.
 */
class DockerfileTest {

    private static final Path ROOT = ComposeFile.ROOT;
    private static final Pattern MAIN_CLASS = Pattern.compile("<mainClass>([^<]+)</mainClass>");

    @ParameterizedTest
    @CsvSource({"classifier-stream", "trainer", "review"})
    void shouldCopyOnlyContextFilesThatExistAndAreNotIgnored(String module) throws IOException {
        List<String> ignored = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.replace("**/", "").replaceAll("/$", ""))
                .toList();
        for (String source : contextCopySources(stage(module))) {
            assertThat(ROOT.resolve(source))
                    .as("COPY %s in the %s image", source, module)
                    .exists();
            for (String part : source.split("/")) {
                assertThat(ignored)
                        .as("COPY %s is excluded by .dockerignore", source)
                        .doesNotContain(part);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({
        "classifier-stream, io.streamtune.classifier.ClassifierApp",
        "trainer, io.streamtune.trainer.TrainerApp",
        "review, io.streamtune.review.ReviewMain"
    })
    void shouldBuildTheModuleAndRunItsMainClass(String module, String mainClass) throws Exception {
        String dockerfile = dockerfile();
        assertThat(dockerfile).contains("./mvnw -B -ntp -Dquick install -pl \"$APP\" -am");
        assertThat(dockerfile).contains("cp \"$APP\"/target/\"$APP\"-*.jar /out/app.jar");
        assertThat(dockerfile).contains("FROM runtime AS " + module + "\n");
        ComposeFile compose = ComposeFile.load();
        for (String service : compose.servicesWithImage("streamtune/" + module)) {
            Object build = compose.service(service).get("build");
            if (build != null) {
                assertThat(String.valueOf(build))
                        .as("build of %s", service)
                        .contains("dockerfile=ops/docker/Dockerfile")
                        .contains("target=" + module)
                        .contains("APP=" + module);
            }
        }

        Matcher manifest = MAIN_CLASS.matcher(Files.readString(ROOT.resolve(module + "/pom.xml")));
        assertThat(manifest.find()).as("Main-Class in %s/pom.xml", module).isTrue();
        assertThat(manifest.group(1)).isEqualTo(mainClass);

        Method main = Class.forName(mainClass).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
    }

    @Test
    void shouldCompileTheDjlCacheWarmerAgainstTheApplicationClasspath(@TempDir Path out) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(
                null,
                null,
                null,
                "-classpath",
                testClasspath(),
                "-d",
                out.toString(),
                ROOT.resolve("ops/docker/WarmDjlCache.java").toString());

        assertThat(status).isZero();
        assertThat(out.resolve("WarmDjlCache.class")).exists();
    }

    @Test
    void shouldTreatAnExistingVersionAsDoneInTheBootstrapScript() throws IOException {
        String script = Files.readString(ROOT.resolve("ops/docker/trainer-bootstrap.sh"));
        String bootstrapper =
                Files.readString(ROOT.resolve("trainer/src/main/java/io/streamtune/trainer/round/Bootstrapper.java"));

        assertThat(script).contains("grep -q \"already has version\"");
        assertThat(bootstrapper).contains("\" already has version \"");
        assertThat(stage("trainer"))
                .contains("COPY ops/docker/trainer-bootstrap.sh /opt/streamtune/bin/trainer-bootstrap.sh")
                .contains("COPY data/uci_sentiment.jsonl /opt/streamtune/data/uci_sentiment.jsonl");
    }

    /** Surefire's booter jar hides the test classpath from {@code java.class.path}; it names it here. */
    private static String testClasspath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String dockerfile() throws IOException {
        return Files.readString(ROOT.resolve("ops/docker/Dockerfile"));
    }

    /** The lines an app's image is made of: every stage up to the shared runtime, then the app's own stage. */
    private static String stage(String module) throws IOException {
        String dockerfile = dockerfile();
        int shared = dockerfile.indexOf("\nFROM runtime AS ");
        int own = dockerfile.indexOf("\nFROM runtime AS " + module + "\n");
        int next = dockerfile.indexOf("\nFROM ", own + 1);
        assertThat(own).as("stage %s in ops/docker/Dockerfile", module).isPositive();
        return dockerfile.substring(0, shared) + dockerfile.substring(own, next < 0 ? dockerfile.length() : next);
    }

    /** The sources of COPY instructions that read the build context (not {@code --from} another stage). */
    private static List<String> contextCopySources(String dockerfile) {
        List<String> sources = new ArrayList<>();
        for (String line : dockerfile.lines().toList()) {
            if (line.startsWith("COPY ") && !line.contains("--from=")) {
                String[] words = line.replaceAll("--chown=\\S+", "").trim().split("\\s+");
                for (int i = 1; i < words.length - 1; i++) {
                    sources.add(words[i]);
                }
            }
        }
        return sources;
    }
}
