package io.loomcql.testkit;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 access to the shared Cassandra of {@link CassandraHarness}.
 *
 * <p>With {@code @ExtendWith(CassandraExtension.class)}, constructor, lifecycle
 * and test parameters of type {@link InetSocketAddress} receive the single
 * node's contact point, and parameters of type {@link LocalCluster} the
 * three-node cluster. The node is started once per JVM and registered in the
 * root {@link ExtensionContext.Store}, so it is shared by all test classes and
 * stopped when the engine finishes (the shutdown hook covers the rest).
 */
public final class CassandraExtension implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(CassandraExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == InetSocketAddress.class || type == LocalCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalCluster.class ? threeNodes(context) : contactPoint(context);
    }

    /** @return the single node's contact point, starting it if needed */
    public static InetSocketAddress contactPoint(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SingleNode.class, k -> new SingleNode(CassandraHarness.singleNode()),
                        SingleNode.class)
                .address();
    }

    /** @return the three-node cluster, starting it if needed */
    public static LocalCluster threeNodes(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(ThreeNodes.class, k -> new ThreeNodes(CassandraHarness.threeNodes()),
                        ThreeNodes.class)
                .cluster();
    }

    private record SingleNode(InetSocketAddress address) implements AutoCloseable {
        @Override
        public void close() {
            CassandraHarness.stopSingleNode();
        }
    }

    private record ThreeNodes(LocalCluster cluster) implements AutoCloseable {
        @Override
        public void close() {
            CassandraHarness.stopThreeNodes();
        }
    }
}
