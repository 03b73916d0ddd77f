package dev.hourglass.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Keeps {@code docs/first-project.md} true: its {@code pom.xml} names the versions Hourglass is built with, its
 * import map lists every public type where it is and nothing else, and the files it shows are the samples' own.
 */
class FirstProjectGuideTest {

    private static final Path GUIDE = Path.of("..", "docs", "first-project.md");
    private static final Path PROJECT_POM = Path.of("..", "pom.xml");
    private static final Path ROOT = Path.of("..");

    private static final String POM_MARKER = "<!-- first project: pom -->";
    private static final String MAP_BEGIN = "<!-- import map: begin -->";
    private static final String MAP_END = "<!-- import map: end -->";
    private static final Pattern MAP_ROW = Pattern.compile("^\\| `([\\w.]+)` \\| `([\\w-]+)` \\| (.*) \\|$");
    private static final Pattern FILE_MARKER = Pattern.compile("^<!-- file: (\\S+) -->$");
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");
    /** Where a class of a Hourglass module is: a module's build directory or the jar of its artifact. */
    private static final Pattern MODULE_LOCATION = Pattern.compile(
            "/(sdk-core|agent|test-env|replay-verifier)/target/"
                    + "|/hourglass-(sdk-core|agent|test-env|replay-verifier)-\\d");

    /** A row of the import map: a package, the artifact that holds it, its public types. */
    private record Row(String packageName, String artifact, List<String> types) {
    }

    /** A dependency or plugin of a pom, its version as written. */
    private record Coordinates(String groupId, String artifactId, String version) {
        String key() {
            return groupId + ":" + artifactId;
        }
    }

    @Test
    void thePomNamesHourglassTheTestLibrariesAndALoggingProvider() {
        assertThat(coordinates(guidePom(), "dependency").stream().map(Coordinates::key))
                .contains("dev.hourglass:hourglass-sdk-core", "dev.hourglass:hourglass-test-env",
                        "dev.hourglass:hourglass-replay-verifier", "org.junit.jupiter:junit-jupiter",
                        "org.assertj:assertj-core", "org.mockito:mockito-core", "org.slf4j:slf4j-simple");
    }

    @Test
    void everyVersionOfThePomIsTheOneHourglassIsBuiltWith() {
        Map<String, String> managed = managedVersions(projectPom());
        List<Coordinates> named = new ArrayList<>(coordinates(guidePom(), "dependency"));
        named.addAll(coordinates(guidePom(), "plugin"));
        assertThat(named).isNotEmpty().allSatisfy(coordinates -> assertThat(coordinates.version())
                .as("version of %s in %s; Hourglass's pom.xml manages %s", coordinates.key(), GUIDE, managed)
                .isEqualTo(expectedVersion(managed, coordinates)));
    }

    @Test
    void everyPropertyOfThePomThatHourglassAlsoSetsHasHourglasssValue() {
        Map<String, String> ours = properties(projectPom());
        Map<String, String> guides = properties(guidePom());
        assertThat(guides).isNotEmpty().allSatisfy((name, value) -> {
            if (ours.containsKey(name)) {
                assertThat(value).as("property %s in %s", name, GUIDE).isEqualTo(ours.get(name));
            }
        });
    }

    @Test
    void everyTypeOfTheImportMapIsAPublicTypeOfThePackageItIsListedIn() {
        List<String> wrong = new ArrayList<>();
        for (Row row : importMap()) {
            for (String type : row.types()) {
                String name = row.packageName() + "." + type;
                if (!PublicApi.CLASSES.contain(name)) {
                    wrong.add(name + " does not exist");
                } else if (!isListable(PublicApi.CLASSES.get(name))) {
                    wrong.add(name + " is not a public, top-level, undeprecated type of a public package");
                }
            }
        }
        assertThat(wrong).as("types of the import map in %s that users cannot import", GUIDE).isEmpty();
    }

    @Test
    void everyPublicTypeOfThePublicPackagesIsInTheImportMap() {
        Set<String> listed = new TreeSet<>();
        importMap().forEach(row -> row.types().forEach(type -> listed.add(row.packageName() + "." + type)));
        Set<String> missing = new TreeSet<>();
        for (JavaClass type : PublicApi.CLASSES) {
            if (isListable(type) && !listed.contains(type.getName())) {
                missing.add(type.getName());
            }
        }
        assertThat(missing).as("public types missing from the import map in %s; its rows should read:%n%s", GUIDE,
                expectedImportMap()).isEmpty();
    }

    @Test
    void theImportMapHasOneRowPerPublicPackageNamingTheArtifactThatHoldsIt() {
        List<Row> rows = importMap();
        assertThat(rows).extracting(Row::packageName).as("packages of the import map in %s", GUIDE)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(PublicApi.PACKAGES);
        for (Row row : rows) {
            for (String type : row.types()) {
                String name = row.packageName() + "." + type;
                if (PublicApi.CLASSES.contain(name)) {
                    assertThat(artifactOf(PublicApi.CLASSES.get(name))).as("artifact of %s", name)
                            .isEqualTo(row.artifact());
                }
            }
        }
    }

    @Test
    void everyFileShownIsTheFileOfTheRepository() throws IOException {
        Map<String, String> shown = shownFiles();
        assertThat(shown).as("blocks of %s marked <!-- file: path -->", GUIDE).isNotEmpty();
        for (Map.Entry<String, String> file : shown.entrySet()) {
            String actual = Files.readString(ROOT.resolve(file.getKey()), StandardCharsets.UTF_8)
                    .replace("\r\n", "\n").strip();
            assertThat(file.getValue()).as("block of %s showing %s", GUIDE, file.getKey()).isEqualTo(actual);
        }
    }

    /** Public, top-level, not deprecated, in a public package: what the import map lists. */
    private static boolean isListable(JavaClass type) {
        return PublicApi.isPublicType(type) && type.isTopLevelClass() && !type.isAnnotatedWith(Deprecated.class);
    }

    /** The artifact whose classes hold {@code type}, from where it was loaded. */
    private static String artifactOf(JavaClass type) {
        String location = type.getSource().map(source -> source.getUri().toString()).orElse("");
        Matcher module = MODULE_LOCATION.matcher(location);
        if (!module.find()) {
            return "(no Hourglass module at " + location + ")";
        }
        return "hourglass-" + (module.group(1) != null ? module.group(1) : module.group(2));
    }

    /** The import map's rows as they should be, one per public package, in the order of the guide's rows. */
    private static String expectedImportMap() {
        Map<String, Set<String>> types = new LinkedHashMap<>();
        Map<String, String> artifacts = new TreeMap<>();
        importMap().forEach(row -> types.put(row.packageName(), new TreeSet<>()));
        PublicApi.PACKAGES.forEach(name -> types.putIfAbsent(name, new TreeSet<>()));
        for (JavaClass type : PublicApi.CLASSES) {
            if (isListable(type)) {
                types.get(type.getPackageName()).add(type.getSimpleName());
                artifacts.put(type.getPackageName(), artifactOf(type));
            }
        }
        return types.entrySet().stream()
                .map(entry -> "| `" + entry.getKey() + "` | `" + artifacts.get(entry.getKey()) + "` | "
                        + entry.getValue().stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "))
                        + " |")
                .collect(Collectors.joining("\n"));
    }

    private static List<Row> importMap() {
        String guide = guide();
        int begin = guide.indexOf(MAP_BEGIN);
        int end = guide.indexOf(MAP_END);
        assertThat(begin).as("position of %s in %s", MAP_BEGIN, GUIDE).isNotNegative();
        assertThat(end).as("position of %s in %s", MAP_END, GUIDE).isGreaterThan(begin);
        List<Row> rows = new ArrayList<>();
        for (String line : guide.substring(begin + MAP_BEGIN.length(), end).split("\n")) {
            Matcher row = MAP_ROW.matcher(line);
            if (row.matches()) {
                List<String> types = new ArrayList<>();
                for (String type : row.group(3).split(",")) {
                    types.add(type.strip().replace("`", ""));
                }
                rows.add(new Row(row.group(1), row.group(2), types));
            }
        }
        assertThat(rows).as("rows of the import map in %s", GUIDE).isNotEmpty();
        return rows;
    }

    /** The guide's code blocks that follow a {@code <!-- file: path -->} comment, by path. */
    private static Map<String, String> shownFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        List<String> lines = List.of(guide().split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = FILE_MARKER.matcher(lines.get(i));
            if (marker.matches()) {
                files.put(marker.group(1), blockAfter(lines, i));
            }
        }
        return files;
    }

    /** The text of the code block that opens on the line after {@code marker}. */
    private static String blockAfter(List<String> lines, int marker) {
        assertThat(lines.get(marker + 1)).as("line after %s in %s", lines.get(marker), GUIDE).startsWith("```");
        int end = marker + 2;
        while (end < lines.size() && !lines.get(end).equals("```")) {
            end++;
        }
        return String.join("\n", lines.subList(marker + 2, end)).strip();
    }

    private static Document guidePom() {
        List<String> lines = List.of(guide().split("\n", -1));
        int marker = lines.indexOf(POM_MARKER);
        assertThat(marker).as("position of %s in %s", POM_MARKER, GUIDE).isNotNegative();
        return parse(blockAfter(lines, marker));
    }

    private static Document projectPom() {
        try {
            return parse(Files.readString(PROJECT_POM, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("cannot parse as XML: " + e.getMessage() + "\n" + xml, e);
        }
    }

    /** The {@code <dependency>} or {@code <plugin>} elements of a pom, wherever they are. */
    private static List<Element> elements(Document pom, String tag) {
        List<Element> found = new ArrayList<>();
        NodeList elements = pom.getElementsByTagName(tag);
        for (int i = 0; i < elements.getLength(); i++) {
            found.add((Element) elements.item(i));
        }
        return found;
    }

    /** The coordinates of the {@code <dependency>} or {@code <plugin>} elements of a pom, as written. */
    private static List<Coordinates> coordinates(Document pom, String tag) {
        return elements(pom, tag).stream().map(FirstProjectGuideTest::coordinates).collect(Collectors.toList());
    }

    private static Coordinates coordinates(Element element) {
        return new Coordinates(child(element, "groupId"), child(element, "artifactId"), child(element, "version"));
    }

    /**
     * The versions a pom names, resolved: by {@code groupId:artifactId} for dependencies and plugins, and by
     * {@code groupId:*} for those of an imported BOM.
     */
    private static Map<String, String> managedVersions(Document pom) {
        Map<String, String> properties = properties(pom);
        properties.put("project.version", child(pom.getDocumentElement(), "version"));
        Map<String, String> managed = new TreeMap<>();
        List<Element> all = elements(pom, "dependency");
        all.addAll(elements(pom, "plugin"));
        for (Element element : all) {
            Coordinates coordinates = coordinates(element);
            if (coordinates.version() != null) {
                boolean bom = "import".equals(child(element, "scope"));
                managed.put(bom ? coordinates.groupId() + ":*" : coordinates.key(),
                        resolve(coordinates.version(), properties));
            }
        }
        return managed;
    }

    /** The version Hourglass manages for these coordinates, or names why there is none. */
    private static String expectedVersion(Map<String, String> managed, Coordinates coordinates) {
        if (managed.containsKey(coordinates.key())) {
            return managed.get(coordinates.key());
        }
        for (Map.Entry<String, String> entry : managed.entrySet()) {
            String group = entry.getKey().endsWith(":*") ? entry.getKey().substring(0, entry.getKey().length() - 2)
                    : null;
            if (group != null && (coordinates.groupId().equals(group)
                    || coordinates.groupId().startsWith(group + "."))) {
                return entry.getValue();
            }
        }
        return "(a version that Hourglass's pom.xml manages; it manages none for " + coordinates.key() + ")";
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher reference = PROPERTY.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String replacement = properties.get(reference.group(1));
            assertThat(replacement).as("property %s of %s", reference.group(1), PROJECT_POM).isNotNull();
            reference.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return reference.appendTail(resolved).toString();
    }

    /** The {@code <properties>} of a pom's project, by name. */
    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new LinkedHashMap<>();
        NodeList children = pom.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals("properties")) {
                NodeList entries = element.getChildNodes();
                for (int j = 0; j < entries.getLength(); j++) {
                    if (entries.item(j).getNodeType() == Node.ELEMENT_NODE) {
                        properties.put(entries.item(j).getNodeName(), entries.item(j).getTextContent().strip());
                    }
                }
            }
        }
        return properties;
    }

    /** The text of an element's direct child named {@code name}, or null. */
    private static String child(Element element, String name) {
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        return null;
    }

    private static String guide() {
        try {
            return Files.readString(GUIDE, StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
