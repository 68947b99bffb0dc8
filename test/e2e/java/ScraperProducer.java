// A scraper as outside teams write one: the official Apache Kafka Java client (kafka-clients, the
// jars the local stack already fetched from Maven Central), batching and compressing like any
// producer in the wild. Used by test/e2e/codecs.e2e.ts; no Marsad code is involved.
//
// Usage: java -cp '<stack>/kafka/lib/*:<classes>' ScraperProducer <bootstrap> <topic> <compression> <file>
//   <file> holds one message a line: "<key>\t<value>" (key "-" = null). All lines are sent as one
//   batch per partition (linger), flushed, and the program prints "sent N" (exit 0) or "fail <why>".
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

public final class ScraperProducer {
    public static void main(String[] args) throws Exception {
        org.apache.log4j.BasicConfigurator.configure(new org.apache.log4j.varia.NullAppender());
        org.apache.log4j.Logger.getRootLogger().setLevel(org.apache.log4j.Level.OFF);
        if (args.length < 4) {
            System.out.println("fail usage: ScraperProducer <bootstrap> <topic> <compression> <file>");
            System.exit(2);
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "scraper-java-" + args[2]);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, args[2]);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 50);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        List<String> lines = Files.readAllLines(Paths.get(args[3]), StandardCharsets.UTF_8);
        int n = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String line : lines) {
                if (line.isEmpty()) continue;
                int tab = line.indexOf('\t');
                String key = line.substring(0, tab);
                producer.send(new ProducerRecord<>(args[1], "-".equals(key) ? null : key, line.substring(tab + 1)));
                n++;
            }
            producer.flush();
            producer.close(java.time.Duration.ofSeconds(30));
        } catch (Exception e) {
            System.out.println("fail " + e);
            System.exit(1);
        }
        System.out.println("sent " + n);
    }
}
