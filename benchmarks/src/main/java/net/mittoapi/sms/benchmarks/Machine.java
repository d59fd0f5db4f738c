package net.mittoapi.sms.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How busy the machine is, printed by the programs that measure by turns before and after they run: figures
 * taken while other processes share the cores are stretched, and the reader must be able to tell.
 */
final class Machine {

    private Machine() {
    }

    /**
     * @return the load averages over 1, 5 and 15 minutes ({@code /proc/loadavg}), or the JVM's one-minute figure
     *         where that file does not exist, and the number of processors
     */
    static String load() {
        String averages;
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            averages = fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            averages = String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage());
        }
        return "load average " + averages + " on " + Runtime.getRuntime().availableProcessors() + " CPUs";
    }
}
