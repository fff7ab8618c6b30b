package io.kubedl.persist.testkit;

/** A server somebody else runs, named by {@code KUBEDL_TEST_MYSQL_URL}. */
final class ExternalServer extends JdbcTestServer {
    private final ExternalServerUrl url;
    private final String user;
    private final String password;

    ExternalServer(ExternalServerUrl url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override public TestServerKind kind() { return TestServerKind.EXTERNAL; }
    @Override public String host() { return url.host(); }
    @Override public int port() { return url.port(); }
    @Override public String user() { return user; }
    @Override public String password() { return password; }
}
