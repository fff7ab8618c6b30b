import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The release checks of issue 16, run by .ci/check-release after the jars are built
 * (single-file source program: {@code java .ci/ReleaseCheck.java ROOT TCK_TREE}).
 *
 * <ol>
 * <li>Every published module (a module of the parent without maven.deploy.skip) has a
 * main, a sources and a javadoc jar, and {@code jar --describe-module} names the module
 * its pom declares in automatic.module.name; no two published jars share a package.</li>
 * <li>The BOM lists exactly the published modules.</li>
 * <li>No cycle between our packages (jdeps over the published jars), mysql and
 * mysql.internal included.</li>
 * <li>A plugin author's class path (the TCK's compile and runtime dependency tree, the
 * api's inside it) holds no fabric8, Jackson, converter or write-behind artifact, and
 * the SQLite plugin of kubedl-persist-examples compiles on it (plus sqlite-jdbc)
 * outside the reactor.</li>
 * </ol>
 * Prints one line per check; exits 1 on the first failed group with the reason.
 */
public final class ReleaseCheck {
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern FORBIDDEN_ON_PLUGIN_PATH = Pattern.compile(
            "io\\.fabric8:|com\\.fasterxml\\.jackson|:kubedl-persist-(kubernetes|writebehind|mysql|memory)[-:]");

    private final Path root;
    private final List<String> failures = new ArrayList<>();

    private ReleaseCheck(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws IOException {
        ReleaseCheck check = new ReleaseCheck(Path.of(args[0]).toAbsolutePath().normalize());
        Map<String, Path> published = check.publishedModules();
        check.jarsAndModuleNames(published);
        check.bomListsPublished(published.keySet());
        check.noPackageCycles(published);
        check.pluginClassPath(Path.of(args[1]));
        if (!check.failures.isEmpty()) {
            check.failures.forEach(f -> System.out.println("FAIL " + f));
            System.exit(1);
        }
        System.out.println("release check: all passed");
    }

    private Map<String, Path> publishedModules() throws IOException {
        Map<String, Path> published = new TreeMap<>();
        Matcher m = MODULE.matcher(read(root.resolve("pom.xml")));
        while (m.find()) {
            Path dir = root.resolve(m.group(1));
            String pom = read(dir.resolve("pom.xml"));
            if (pom.contains("<maven.deploy.skip>true</maven.deploy.skip>") || pom.contains("<packaging>pom</packaging>")) {
                continue;
            }
            published.put(m.group(1), dir);
        }
        System.out.println("published modules: " + published.keySet());
        return published;
    }

    private void jarsAndModuleNames(Map<String, Path> published) throws IOException {
        Map<String, String> packageOwner = new HashMap<>();
        for (Map.Entry<String, Path> module : published.entrySet()) {
            String pom = read(module.getValue().resolve("pom.xml"));
            Matcher declared = Pattern.compile("<automatic.module.name>([^<]+)</automatic.module.name>").matcher(pom);
            if (!declared.find()) {
                failures.add(module.getKey() + ": no automatic.module.name in its pom");
                continue;
            }
            Path target = module.getValue().resolve("target");
            String base = module.getKey() + "-" + version();
            for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
                if (!Files.isRegularFile(target.resolve(base + suffix))) {
                    failures.add(module.getKey() + ": missing target/" + base + suffix + " (run the build first)");
                }
            }
            Path jar = target.resolve(base + ".jar");
            if (!Files.isRegularFile(jar)) {
                continue;
            }
            String described = run("jar", "--describe-module", "--file", jar.toString());
            String expected = declared.group(1) + "@" + version() + " automatic";
            if (!described.lines().anyMatch(expected::equals)) {
                failures.add(module.getKey() + ": jar --describe-module does not name " + expected + ":\n" + described);
            } else {
                System.out.println("module name ok: " + module.getKey() + " -> " + declared.group(1));
            }
            described.lines().filter(l -> l.startsWith("contains ")).map(l -> l.substring(9)).forEach(pkg -> {
                String other = packageOwner.putIfAbsent(pkg, module.getKey());
                if (other != null) {
                    failures.add("package " + pkg + " is split between " + other + " and " + module.getKey());
                }
            });
        }
    }

    private void bomListsPublished(Set<String> published) throws IOException {
        String bom = read(root.resolve("kubedl-persist-bom/pom.xml"));
        String managed = bom.substring(bom.indexOf("<dependencyManagement>"));
        Set<String> listed = new TreeSet<>();
        Matcher m = ARTIFACT_ID.matcher(managed);
        while (m.find()) {
            listed.add(m.group(1));
        }
        if (!listed.equals(new TreeSet<>(published))) {
            failures.add("the BOM lists " + listed + " but the published modules are " + published);
        } else {
            System.out.println("BOM ok: lists the " + listed.size() + " published modules");
        }
    }

    private void noPackageCycles(Map<String, Path> published) {
        List<String> args = new ArrayList<>(List.of("-verbose:package", "--multi-release", "17"));
        published.forEach((name, dir) -> args.add(dir.resolve("target/" + name + "-" + version() + ".jar").toString()));
        String out = run("jdeps", args.toArray(String[]::new));
        Pattern edge = Pattern.compile("^\\s+(io\\.kubedl\\.persist[\\w.]*)\\s+->\\s+(io\\.kubedl\\.persist[\\w.]*)\\s");
        Map<String, Set<String>> graph = new TreeMap<>();
        int edges = 0;
        for (String line : out.split("\n")) {
            Matcher m = edge.matcher(line);
            if (m.find() && !m.group(1).equals(m.group(2))) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
                edges++;
            }
        }
        List<List<String>> cycles = new StronglyConnected(graph).components().stream().filter(c -> c.size() > 1).toList();
        if (graph.isEmpty()) {
            failures.add("jdeps reported no dependency between our packages; its output:\n" + out);
        } else if (!cycles.isEmpty()) {
            failures.add("package cycles: " + cycles);
        } else {
            System.out.println("no package cycles: " + graph.size() + " packages, " + edges + " dependencies"
                    + " (mysql -> mysql.internal: " + graph.getOrDefault("io.kubedl.persist.mysql", Set.of())
                            .contains("io.kubedl.persist.mysql.internal") + ")");
        }
    }

    /**
     * tree: the output of dependency:tree for kubedl-persist-tck (with -am, so the api's
     * own tree is there too).
     */
    private void pluginClassPath(Path tree) throws IOException {
        Pattern node = Pattern.compile("([\\w.-]+):([\\w.-]+):jar:([\\w.-]+):(compile|runtime)");
        Set<Path> classPath = new java.util.LinkedHashSet<>();
        List<String> forbidden = new ArrayList<>();
        for (String line : Files.readAllLines(tree)) {
            Matcher m = node.matcher(line);
            if (!m.find()) {
                continue;
            }
            String coordinates = m.group(1) + ":" + m.group(2) + ":" + m.group(3);
            if (FORBIDDEN_ON_PLUGIN_PATH.matcher(coordinates + ":").find()) {
                forbidden.add(coordinates);
            }
            if (m.group(1).equals("io.kubedl.persist")) {
                classPath.add(root.resolve(m.group(2) + "/target/" + m.group(2) + "-" + m.group(3) + ".jar"));
            } else {
                classPath.add(localRepository(m.group(1), m.group(2), m.group(3)));
            }
        }
        classPath.add(root.resolve("kubedl-persist-tck/target/kubedl-persist-tck-" + version() + ".jar"));
        if (!forbidden.isEmpty()) {
            failures.add("a plugin author's class path (api + TCK) holds " + forbidden);
            return;
        }
        if (classPath.stream().noneMatch(p -> p.getFileName().toString().startsWith("kubedl-persist-api-"))) {
            failures.add("the TCK's dependency tree does not name kubedl-persist-api: " + tree);
            return;
        }
        classPath.add(localRepository("org.xerial", "sqlite-jdbc", property("sqlite.version")));
        Path sqlite = root.resolve("kubedl-persist-examples/src");
        List<String> sources;
        try (Stream<Path> main = Files.walk(sqlite.resolve("main/java/io/kubedl/persist/examples/sqlite"));
             Stream<Path> test = Files.walk(sqlite.resolve("test/java/io/kubedl/persist/examples/sqlite"))) {
            sources = Stream.concat(main, test).filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Path out = Files.createTempDirectory("plugin-outside-");
        List<String> args = new ArrayList<>(List.of("-proc:none", "-d", out.toString(), "-classpath",
                classPath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))));
        args.addAll(sources);
        StringBuilder errors = new StringBuilder();
        int status = tool("javac", errors, args.toArray(String[]::new));
        if (status != 0) {
            failures.add("the SQLite plugin does not compile against the api and the TCK alone:\n" + errors);
        } else {
            System.out.println("plugin outside the project: " + sources.size() + " SQLite plugin sources compile on "
                    + classPath.stream().map(p -> p.getFileName().toString()).toList());
        }
    }

    private String version() {
        try {
            Matcher m = Pattern.compile("<version>([^<]+)</version>").matcher(read(root.resolve("pom.xml")));
            m.find();
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String property(String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(read(root.resolve("pom.xml")));
        if (!m.find()) {
            throw new IllegalStateException("no property " + name + " in the parent pom");
        }
        return m.group(1);
    }

    private static Path localRepository(String group, String artifact, String version) {
        String base = System.getProperty("maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString());
        return Path.of(base, group.split("\\.")).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + ".jar");
    }

    private String run(String name, String... args) {
        StringBuilder out = new StringBuilder();
        int status = tool(name, out, args);
        if (status != 0) {
            failures.add(name + " " + String.join(" ", args) + " exited " + status + ":\n" + out);
        }
        return out.toString();
    }

    private static int tool(String name, StringBuilder output, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name)
                .orElseThrow(() -> new IllegalStateException("no " + name + " in this JDK"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            int status = tool.run(stream, stream, args);
            output.append(bytes.toString(StandardCharsets.UTF_8));
            return status;
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Tarjan's strongly connected components: a component of two or more packages is a cycle. */
    private static final class StronglyConnected {
        private final Map<String, Set<String>> graph;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<List<String>> components = new ArrayList<>();

        StronglyConnected(Map<String, Set<String>> graph) {
            this.graph = new LinkedHashMap<>(graph);
        }

        List<List<String>> components() {
            graph.keySet().forEach(v -> {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            });
            return components;
        }

        private void visit(String v) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.push(v);
            onStack.add(v);
            for (String w : graph.getOrDefault(v, Set.of())) {
                if (!index.containsKey(w)) {
                    visit(w);
                    low.put(v, Math.min(low.get(v), low.get(w)));
                } else if (onStack.contains(w)) {
                    low.put(v, Math.min(low.get(v), index.get(w)));
                }
            }
            if (low.get(v).equals(index.get(v))) {
                List<String> component = new ArrayList<>();
                String w;
                do {
                    w = stack.pop();
                    onStack.remove(w);
                    component.add(w);
                } while (!w.equals(v));
                components.add(component);
            }
        }
    }
}
