package io.streamtune.systemtests.security;

import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** The ACLs of the secure test's users, for the broker's StandardAuthorizer. */
final class Grants {

    private static final String ANY_HOST = "*";

    private Grants() {}

    /**
     * What the classifier, the trainer and their operators need: every topic (their own and the internal topics of
     * Kafka Streams), consumer groups and transactional ids, and idempotent writes. Coarse on purpose: the test is
     * about authentication and encryption; finer ACLs are a deployment's choice.
     */
    static List<AclBinding> application(String user) {
        return List.of(
                allow(user, ResourceType.TOPIC, ResourcePattern.WILDCARD_RESOURCE, AclOperation.ALL),
                allow(user, ResourceType.GROUP, ResourcePattern.WILDCARD_RESOURCE, AclOperation.ALL),
                allow(user, ResourceType.TRANSACTIONAL_ID, ResourcePattern.WILDCARD_RESOURCE, AclOperation.ALL),
                allow(user, ResourceType.CLUSTER, "kafka-cluster", AclOperation.IDEMPOTENT_WRITE));
    }

    /** Reading one topic without a consumer group (assigned partitions), nothing else. */
    static List<AclBinding> readOnly(String user, String topic) {
        return List.of(allow(user, ResourceType.TOPIC, topic, AclOperation.READ));
    }

    private static AclBinding allow(String user, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(
                new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, ANY_HOST, operation, AclPermissionType.ALLOW));
    }
}
