package net.mittoapi.sms.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.spring.cache.HazelcastCacheManager;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.CacheManager;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Issue 20's shared case: two instances of one application, each a Spring Boot web application with the starter
 * and an embedded Hazelcast member, the two members forming one cluster on loopback (TCP-IP join between two ports
 * the test picked, multicast and auto-detection off, bound to 127.0.0.1 only, phone-home off). With
 * {@code mitto.webhook.deduplication.cache=mitto-reports} and Hazelcast's own Spring {@link CacheManager}, a report
 * sent to both instances is published once between them, a failure at one is published again by the other, and a
 * copy arriving at one while the other publishes it is answered 503.
 */
class SharedCacheDeduplicationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String TOKEN = "shared-s3cret";
    private static final String CACHE = "mitto-reports";

    private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeAll
    static void startTwoInstances() throws IOException {
        String cluster = "mitto-test-" + UUID.randomUUID();
        int[] ports = {freePort(), freePort()};
        for (int i = 0; i < 2; i++) {
            instances.add(new SpringApplicationBuilder(App.class).properties(
                    "server.port=0",
                    "server.address=127.0.0.1",
                    "spring.main.banner-mode=off",
                    "mitto.webhook.path=/mitto/reports",
                    "mitto.webhook.token=" + TOKEN,
                    "mitto.webhook.deduplication.cache=" + CACHE,
                    "test.hazelcast.cluster=" + cluster,
                    "test.hazelcast.port=" + ports[i],
                    "test.hazelcast.members=127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1]).run());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> hazelcast(0).getCluster().getMembers().size() == 2
                && hazelcast(1).getCluster().getMembers().size() == 2);
    }

    @AfterAll
    static void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
        instances.clear();
    }

    @BeforeEach
    void forget() {
        for (int i = 0; i < 2; i++) {
            events(i).all.clear();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static HazelcastInstance hazelcast(int instance) {
        return instances.get(instance).getBean(HazelcastInstance.class);
    }

    private static MittoTestApplication.Events events(int instance) {
        return instances.get(instance).getBean(MittoTestApplication.Events.class);
    }

    private static int get(int instance, String query) throws Exception {
        String port = instances.get(instance).getEnvironment().getProperty("local.server.port");
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/mitto/reports?" + query
                + "&token=" + TOKEN)).timeout(Duration.ofSeconds(30)).GET().build(), BodyHandlers.ofString())
                .statusCode();
    }

    private static int published() {
        return events(0).all.size() + events(1).all.size();
    }

    @Test
    void theMembersFormOneClusterOnLoopbackOnly() {
        for (int i = 0; i < 2; i++) {
            HazelcastInstance member = hazelcast(i);
            assertThat(member.getCluster().getMembers()).hasSize(2);
            assertThat(((InetSocketAddress) member.getLocalEndpoint().getSocketAddress()).getAddress()
                    .isLoopbackAddress()).isTrue();
            Config config = member.getConfig();
            assertThat(config.getNetworkConfig().getJoin().getMulticastConfig().isEnabled()).isFalse();
            assertThat(config.getProperty("hazelcast.phone.home.enabled")).isEqualTo("false");
        }
    }

    @Test
    void aReportSentToBothInstancesIsPublishedOnceBetweenThem() throws Exception {
        assertThat(get(0, "ID=shared-1&Status=DELIVERED")).isEqualTo(200);
        assertThat(get(1, "ID=shared-1&Status=DELIVERED")).isEqualTo(200);
        assertThat(get(0, "ID=shared-1&Status=DELIVERED")).isEqualTo(200);

        assertThat(events(0).all).hasSize(1);
        assertThat(events(1).all).isEmpty();
        assertThat(published()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("try") // the capture keeps Tomcat's log of the failure off the console (see TOMCAT_LOG)
    void aFailureAtOneInstanceIsPublishedAgainByTheOther() throws Exception {
        events(0).failOnce.add("shared-2");
        try (LogCapture tomcat = LogCapture.of(ReportDeduplicationApplicationTest.TOMCAT_LOG)) {
            assertThat(get(0, "ID=shared-2&Status=DELIVERED")).isEqualTo(500);
        }
        assertThat(get(1, "ID=shared-2&Status=DELIVERED")).as("Mitto's retry, at the other instance").isEqualTo(200);
        assertThat(get(0, "ID=shared-2&Status=DELIVERED")).as("a copy after success").isEqualTo(200);

        assertThat(events(0).all).hasSize(1);
        assertThat(events(1).all).hasSize(1);
    }

    @Test
    void aCopyAtOneInstanceWhileTheOtherPublishesIsAnswered503() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        events(0).holds.put("shared-3", hold);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            try {
                return get(0, "ID=shared-3&Status=DELIVERED");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> !events(0).all.isEmpty());

        int second = get(1, "ID=shared-3&Status=DELIVERED");
        hold.countDown();

        assertThat(second).isEqualTo(503);
        assertThat(first.get()).isEqualTo(200);
        assertThat(get(1, "ID=shared-3&Status=DELIVERED")).as("Mitto's retry of the second").isEqualTo(200);
        assertThat(published()).isEqualTo(1);
    }

    /** One instance of the application: the starter, the test's event listener, and a Hazelcast member. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        MittoTestApplication.Events events() {
            return new MittoTestApplication.Events();
        }

        /**
         * A member of the test's own cluster, on loopback only: bound to 127.0.0.1, joining by TCP-IP the two
         * members' addresses, multicast and auto-detection off, no phone-home.
         */
        @Bean(destroyMethod = "shutdown")
        HazelcastInstance hazelcast(@Value("${test.hazelcast.cluster}") String cluster,
                @Value("${test.hazelcast.port}") int port, @Value("${test.hazelcast.members}") List<String> members) {
            Config config = new Config();
            config.setClusterName(cluster);
            config.setInstanceName(cluster + "-" + port);
            config.setProperty("hazelcast.phone.home.enabled", "false");
            config.setProperty("hazelcast.logging.type", "slf4j");
            config.setProperty("hazelcast.socket.bind.any", "false");
            config.setProperty("hazelcast.shutdownhook.enabled", "false");
            config.setProperty("hazelcast.wait.seconds.before.join", "0");
            NetworkConfig network = config.getNetworkConfig();
            network.setPort(port).setPortAutoIncrement(false);
            network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
            JoinConfig join = network.getJoin();
            join.getMulticastConfig().setEnabled(false);
            join.getAutoDetectionConfig().setEnabled(false);
            join.getTcpIpConfig().setEnabled(true).setMembers(members);
            config.getMapConfig(CACHE).setTimeToLiveSeconds((int) Duration.ofHours(25).toSeconds());
            return Hazelcast.newHazelcastInstance(config);
        }

        /** The application's cache, shared through the cluster: Hazelcast's own Spring CacheManager. */
        @Bean
        CacheManager cacheManager(HazelcastInstance hazelcast) {
            return new HazelcastCacheManager(hazelcast);
        }
    }
}
