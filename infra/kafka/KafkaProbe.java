// Marsad local stack: Kafka health probe used by scripts/stack.sh.
//
// A real metadata round trip with the Kafka admin client from the broker's own jars (no Node
// dependencies, no kafka-tools): DescribeCluster (brokers, controller, cluster id) + ListTopics.
// kafka_2.13 3.9.x no longer carries kafka.admin.TopicCommand (it moved to the kafka-tools
// artifact), so the stack script compiles this file once into <stack>/kafka/probe/.
//
// Usage: java -cp '<stack>/kafka/lib/*:<stack>/kafka/probe' KafkaProbe <host:port> [timeoutMs]
// Prints one line: "ok cluster=<id> brokers=<n> controller=<id> topics=<n>" (exit 0)
//              or   "fail <reason>"                                          (exit 1)
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;

public final class KafkaProbe {
    public static void main(String[] args) {
        // Keep the client's own logging off the terminal (reload4j is on the classpath).
        org.apache.log4j.BasicConfigurator.configure(new org.apache.log4j.varia.NullAppender());
        org.apache.log4j.Logger.getRootLogger().setLevel(org.apache.log4j.Level.OFF);

        if (args.length < 1) {
            System.out.println("fail usage: KafkaProbe <host:port> [timeoutMs]");
            System.exit(2);
        }
        String bootstrap = args[0];
        int timeoutMs = args.length > 1 ? Integer.parseInt(args[1]) : 5000;

        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "marsad-stack-probe");
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 2000));
        p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(timeoutMs, 2000));
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);

        Admin admin = null;
        int code = 0;
        try {
            admin = Admin.create(p);
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMs));
            Collection<Node> nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS);
            Node controller = cluster.controller().get(timeoutMs, TimeUnit.MILLISECONDS);
            String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
            int topics = admin.listTopics(new ListTopicsOptions().listInternal(true).timeoutMs(timeoutMs))
                    .names().get(timeoutMs, TimeUnit.MILLISECONDS).size();
            if (nodes.isEmpty()) {
                System.out.println("fail no brokers in metadata");
                code = 1;
            } else {
                System.out.println("ok cluster=" + clusterId + " brokers=" + nodes.size()
                        + " controller=" + (controller == null ? "none" : controller.id()) + " topics=" + topics);
            }
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String msg = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
            System.out.println("fail " + msg.replace('\n', ' '));
            code = 1;
        } finally {
            if (admin != null) {
                try { admin.close(Duration.ofMillis(500)); } catch (Throwable ignored) { }
            }
        }
        System.out.flush();
        Runtime.getRuntime().halt(code);
    }
}
