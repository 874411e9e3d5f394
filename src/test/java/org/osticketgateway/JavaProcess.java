package org.osticketgateway;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A child JVM on the tests' own classpath, for what must run as its own process (to be killed). */
public final class JavaProcess {

    private JavaProcess() {
    }

    /** A builder for {@code java <jvmOptions> -cp <test classpath> <mainClass> <args>}, output to {@code log}. */
    public static ProcessBuilder builder(String mainClass, List<String> jvmOptions, List<String> args,
                                  Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        // Surefire runs the tests from a manifest-only jar and names the real classpath here.
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(mainClass);
        command.addAll(args);
        return builder(command, environment, log);
    }

    /** A builder for {@code java <jvmOptions> -jar <jar>} in the current folder, output to {@code log}. */
    static ProcessBuilder jarBuilder(Path jar, List<String> jvmOptions, Map<String, String> environment, Path log) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        return builder(command, environment, log);
    }

    private static ProcessBuilder builder(List<String> command, Map<String, String> environment, Path log) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return builder;
    }
}
