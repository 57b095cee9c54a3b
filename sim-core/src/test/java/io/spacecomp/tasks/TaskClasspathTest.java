package io.spacecomp.tasks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.spacecomp.orbit.shell.SatId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Task jars compiled here, loaded through {@link TaskClasspath}: found, checked, and never silently overriding a task. */
class TaskClasspathTest {

    @TempDir
    Path tmp;

    /** Compiles a reducer class named {@code pkg.cls} whose task name is {@code name} into a jar listing it as a service. */
    private Path reducerJar(String jarName, String pkg, String cls, String name) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + jarName).resolve(pkg));
        Path java = src.resolve(cls + ".java");
        Files.writeString(java, "package " + pkg + ";\n"
                + "import io.spacecomp.tasks.Record;\nimport io.spacecomp.tasks.Reducer;\nimport io.spacecomp.tasks.TaskContext;\n"
                + "import java.util.List;\n"
                + "public final class " + cls + " implements Reducer {\n"
                + "  public String name() { return \"" + name + "\"; }\n"
                + "  public Record reduce(TaskContext ctx, List<Record> records) {\n"
                + "    return Record.text(\"" + cls + ":\" + records.size());\n"
                + "  }\n"
                + "}\n");
        Path classes = Files.createDirectories(tmp.resolve("classes-" + jarName));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-d", classes.toString(), "-cp", location(Task.class) + File.pathSeparator
                + location(com.fasterxml.jackson.databind.JsonNode.class), java.toString());
        assertEquals(0, rc, () -> "test jar compiles: " + errors);
        Path jar = tmp.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry(pkg + "/" + cls + ".class"));
            out.write(Files.readAllBytes(classes.resolve(pkg).resolve(cls + ".class")));
            out.putNextEntry(new JarEntry("META-INF/services/io.spacecomp.tasks.Reducer"));
            out.write((pkg + "." + cls + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TaskClasspath.Jar flag(Path p) {
        return new TaskClasspath.Jar(p, "--tasks");
    }

    @Test
    void aJarAddsItsTasksToTheBuiltInOnes() throws Exception {
        Path jar = reducerJar("count.jar", "userjar", "CountingReducer", "countingreducer");
        TaskClasspath tc = TaskClasspath.load(List.of(flag(jar)));
        assertEquals(List.of(jar.toAbsolutePath()), tc.paths());
        Reducer r = tc.registry().reducer("countingreducer").orElseThrow();
        TaskContext ctx = new TaskContext("j", 0, 1, JsonNodeFactory.instance.objectNode(), new SatId(1, 1), new DataFiles(tmp));
        assertEquals("CountingReducer:2", r.reduce(ctx, List.of(Record.text("a"), Record.text("b"))).value().textValue());
        assertTrue(tc.registry().reducer("sumreducer").isPresent(), "built-ins stay");
        assertTrue(tc.registry().mapper("wordcountmapper").isPresent());
        assertFalse(TaskClasspath.builtin().registry().reducer("countingreducer").isPresent(), "not on the default class path");
    }

    @Test
    void badJarsAreRefusedNamingTheFlagAndThePath() throws Exception {
        Path missing = tmp.resolve("nope.jar");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskClasspath.load(List.of(flag(missing))));
        assertTrue(e.getMessage().startsWith("invalid value for --tasks: " + missing.toAbsolutePath() + " does not exist"), e.getMessage());

        Path text = Files.writeString(tmp.resolve("text.jar"), "not a zip");
        e = assertThrows(IllegalArgumentException.class, () -> TaskClasspath.load(List.of(flag(text))));
        assertTrue(e.getMessage().contains(text.toAbsolutePath() + " is not a jar"), e.getMessage());

        Path empty = tmp.resolve("empty.jar");
        try (OutputStream o = Files.newOutputStream(empty); JarOutputStream out = new JarOutputStream(o)) {
            out.putNextEntry(new JarEntry("README.txt"));
            out.write("no tasks".getBytes(StandardCharsets.UTF_8));
        }
        e = assertThrows(IllegalArgumentException.class,
                () -> TaskClasspath.load(List.of(new TaskClasspath.Jar(empty, "SPACECOMP_CLASSPATH"))));
        assertTrue(e.getMessage().startsWith("invalid value for SPACECOMP_CLASSPATH: " + empty.toAbsolutePath() + " lists no task"),
                e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> TaskClasspath.load(List.of(flag(tmp))));
        assertTrue(e.getMessage().contains("is not a readable file"), e.getMessage());
    }

    @Test
    void aJarTaskNamedLikeABuiltInOneIsAnError() throws Exception {
        Path jar = reducerJar("clash.jar", "userclash", "MySum", "sumreducer");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskClasspath.load(List.of(flag(jar))));
        assertTrue(e.getMessage().startsWith("invalid value for --tasks: " + jar.toAbsolutePath()
                + " provides Reducer 'sumreducer' (userclash.MySum), a name the built-in tasks"), e.getMessage());
    }

    @Test
    void twoJarsGivingOneNameIsAnError() throws Exception {
        Path a = reducerJar("a.jar", "usera", "Same", "samereducer");
        Path b = reducerJar("b.jar", "userb", "Same", "samereducer");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TaskClasspath.load(List.of(flag(a), flag(b))));
        assertTrue(e.getMessage().contains(b.toAbsolutePath() + " provides Reducer 'samereducer'")
                && e.getMessage().contains("--tasks " + a.toAbsolutePath()), e.getMessage());
        // The same jar twice is one jar.
        assertEquals(1, TaskClasspath.load(List.of(flag(a), flag(a))).jars().size());
    }

    @Test
    void theEnvironmentListsJarsAndDirectories() throws Exception {
        Path a = reducerJar("one.jar", "userone", "One", "onereducer");
        Path dir = Files.createDirectories(tmp.resolve("more"));
        Files.move(reducerJar("two.jar", "usertwo", "Two", "tworeducer"), dir.resolve("two.jar"));
        Files.move(reducerJar("three.jar", "userthree", "Three", "threereducer"), dir.resolve("three.jar"));
        List<TaskClasspath.Jar> jars = TaskClasspath.parse(a + File.pathSeparator + File.pathSeparator + dir + File.separator + "*",
                TaskClasspath.ENV);
        assertEquals(List.of(a.toAbsolutePath(), dir.resolve("three.jar").toAbsolutePath(), dir.resolve("two.jar").toAbsolutePath()),
                jars.stream().map(TaskClasspath.Jar::path).toList());
        TaskClasspath tc = TaskClasspath.load(jars);
        assertTrue(tc.registry().reducers().keySet().containsAll(List.of("onereducer", "tworeducer", "threereducer", "sumreducer")));
        assertEquals(List.of(), TaskClasspath.parse("", TaskClasspath.ENV));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TaskClasspath.parse(tmp.resolve("absent") + File.separator + "*", TaskClasspath.ENV));
        assertTrue(e.getMessage().startsWith("invalid value for SPACECOMP_CLASSPATH"), e.getMessage());
    }
}
