package io.streamtune.stack;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates topics with replication factor 1 (one broker); a topic that already exists is left as it is. */
public final class TopicCreator {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);
    private static final long TIMEOUT_SECONDS = 60;

    private TopicCreator() {}

    /**
     * Creates every missing topic and returns the names it created; safe to call again.
     *
     * @throws StackException when the broker refuses a topic for any reason other than its existence
     */
    public static List<String> ensure(Admin admin, Collection<TopicRequest> topics) {
        List<NewTopic> newTopics = topics.stream().map(TopicCreator::newTopic).toList();
        Map<String, ? extends Future<Void>> results =
                admin.createTopics(newTopics).values();
        return topics.stream()
                .map(TopicRequest::name)
                .filter(name -> created(name, results.get(name)))
                .toList();
    }

    private static NewTopic newTopic(TopicRequest request) {
        NewTopic topic = new NewTopic(request.name(), Optional.of(request.partitions()), Optional.of((short) 1));
        if (request.compacted()) {
            topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return topic;
    }

    private static boolean created(String name, Future<Void> result) {
        try {
            result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            LOG.info("Created topic {}", name);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                LOG.debug("Topic {} already exists", name);
                return false;
            }
            throw new StackException(
                    "Cannot create topic " + name + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new StackException("Creating topic " + name + " timed out after " + TIMEOUT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while creating topic " + name, e);
        }
    }
}
