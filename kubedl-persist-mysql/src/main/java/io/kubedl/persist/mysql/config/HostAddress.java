package io.kubedl.persist.mysql.config;

import io.kubedl.persist.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One database server address, validated so that it can be written into a
 * Connector/J URL without any escaping: a DNS name or IPv4 address of letters,
 * digits, {@code .}, {@code -} and {@code _}, or an IPv6 literal, and a port
 * 1..65535. Anything else ({@code / ? & = , @ #}, spaces, quotes) is refused with a
 * {@link ConfigurationException} naming the setting, so a configuration value can
 * never add URL parameters or hosts of its own.
 *
 * @param host host name, IPv4 address, or IPv6 literal without brackets
 * @param port TCP port
 */
public record HostAddress(String host, int port) {
    /** Most hosts accepted in a list. */
    public static final int MAX_HOSTS = 16;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9._-]{0,252})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /**
     * @param host host name, IPv4 address, or IPv6 literal without brackets
     * @param port TCP port
     * @throws ConfigurationException when the host or port is not acceptable
     */
    public HostAddress {
        if (host == null || !(NAME.matcher(host).matches() || isIpv6(host))) {
            throw new ConfigurationException("host must be a DNS name, an IPv4 address or an IPv6 literal (letters,"
                    + " digits, '.', '-', '_', ':'; at most 253 characters), was '" + host + "'");
        }
        if (port < 1 || port > 65535) {
            throw new ConfigurationException("port of host " + host + " must be between 1 and 65535, was " + port);
        }
    }

    private static boolean isIpv6(String host) {
        // every IPv6 literal has at least two colons ("::1"); "db:3306" is a host with a port, not an address
        return host.indexOf(':') != host.lastIndexOf(':') && IPV6.matcher(host).matches();
    }

    /**
     * Parses the single-host setting ({@code host}, env {@code MYSQL_HOST}, Secret key {@code host}).
     *
     * @param host the configured host: a name, IPv4, or an IPv6 literal with or without brackets
     * @param port the configured port
     * @return the address
     * @throws ConfigurationException when the value is a list or carries URL syntax
     */
    public static HostAddress single(String host, int port) {
        String h = host.strip();
        if (h.indexOf(',') >= 0) {
            throw new ConfigurationException("host must be one host, was '" + host + "'; for several hosts set the"
                    + " option hosts (env MYSQL_HOSTS, Secret key 'hosts'), e.g. db-0:3306,db-1:3306");
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        try {
            return new HostAddress(h, port);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(e.getMessage() + " (set MYSQL_HOST or the Secret key 'host')");
        }
    }

    /**
     * Parses a host list ({@code hosts}, env {@code MYSQL_HOSTS}, Secret key {@code hosts}):
     * comma-separated {@code host}, {@code host:port}, {@code [ipv6]} or {@code [ipv6]:port}.
     *
     * @param list the configured list
     * @param defaultPort the port of an entry without one
     * @return 1..{@value #MAX_HOSTS} addresses in the order given, without duplicates
     * @throws ConfigurationException naming the entry that is wrong
     */
    public static List<HostAddress> list(String list, int defaultPort) {
        List<HostAddress> out = new ArrayList<>();
        String[] entries = list.split(",", -1);
        if (entries.length > MAX_HOSTS) {
            throw new ConfigurationException("option hosts lists at most " + MAX_HOSTS + " hosts, was " + entries.length);
        }
        for (String raw : entries) {
            String entry = raw.strip();
            HostAddress address;
            try {
                address = parseEntry(entry, defaultPort);
            } catch (ConfigurationException e) {
                throw new ConfigurationException("option hosts: entry '" + entry + "' is not host, host:port,"
                        + " [ipv6] or [ipv6]:port: " + e.getMessage() + " (set MYSQL_HOSTS or the Secret key 'hosts')");
            }
            if (out.contains(address)) {
                throw new ConfigurationException("option hosts lists " + address + " twice");
            }
            out.add(address);
        }
        return List.copyOf(out);
    }

    private static HostAddress parseEntry(String entry, int defaultPort) {
        if (entry.isEmpty()) {
            throw new ConfigurationException("empty entry");
        }
        String host = entry;
        String port = null;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new ConfigurationException("'[' without ']'");
            }
            host = entry.substring(1, close);
            String rest = entry.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw new ConfigurationException("unexpected text after ']'");
                }
                port = rest.substring(1);
            }
        } else {
            int colon = entry.indexOf(':');
            if (colon >= 0) {
                if (entry.indexOf(':', colon + 1) >= 0) {
                    throw new ConfigurationException("write an IPv6 address in brackets: [addr]:port");
                }
                host = entry.substring(0, colon);
                port = entry.substring(colon + 1);
            }
        }
        return new HostAddress(host, port == null ? defaultPort : parsePort(port));
    }

    private static int parsePort(String text) {
        if (!text.matches("[0-9]{1,5}")) {
            throw new ConfigurationException("port must be a number between 1 and 65535, was '" + text + "'");
        }
        return Integer.parseInt(text);
    }

    /** @return {@code host:port}, IPv6 in brackets: the form Connector/J's URL takes */
    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }
}
