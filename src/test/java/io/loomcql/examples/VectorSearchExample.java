package io.loomcql.examples;

import io.loomcql.Cluster;
import io.loomcql.PreparedStatement;
import io.loomcql.Row;
import io.loomcql.Session;
import io.loomcql.type.CqlVector;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Vector search on Cassandra 5.0: a {@code vector<float, 3>} column, a storage-attached index
 * (SAI) on it, and {@code ORDER BY ... ANN OF ...} to find the nearest rows. Real embeddings have
 * hundreds of dimensions; three keep the example readable.
 */
public final class VectorSearchExample {
  static final String KEYSPACE = "examples_vectors";

  /**
   * What the example observed.
   *
   * @param nearest the names of the two rows nearest to the query vector, nearest first
   * @param nearestEmbedding the stored embedding of the nearest row
   * @param similarity the cosine similarity of the nearest row to the query, as the server computed it
   */
  public record Outcome(List<String> nearest, float[] nearestEmbedding, float similarity) {}

  private VectorSearchExample() {}

  public static void main(String[] args) {
    Outcome outcome = run(ExampleContactPoint.from(args));
    System.out.println(outcome.nearest() + ", similarity " + outcome.similarity());
  }

  public static Outcome run(InetSocketAddress contactPoint) {
    try (Cluster cluster = Cluster.builder().addContactPoints(contactPoint).build();
        Session session = cluster.connect()) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS " + KEYSPACE
          + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      try {
        session.setKeyspace(KEYSPACE);
        session.execute("CREATE TABLE IF NOT EXISTS documents (id int PRIMARY KEY, name text,"
            + " embedding vector<float, 3>)");
        // ANN queries need an SAI index on the vector column. Cosine is the default similarity;
        // 'dot_product' and 'euclidean' are the others.
        session.execute("CREATE CUSTOM INDEX IF NOT EXISTS documents_embedding ON documents (embedding)"
            + " USING 'StorageAttachedIndex' WITH OPTIONS = {'similarity_function': 'cosine'}");

        PreparedStatement insert = session.prepare("INSERT INTO documents (id, name, embedding) VALUES (?, ?, ?)");
        // A vector binds as a CqlVector, a List, or (for float vectors) a float[]; its length must
        // be the column's dimension, checked before sending.
        session.execute(insert.bind(1, "cats", CqlVector.of(0.9f, 0.1f, 0.0f)));
        session.execute(insert.bind(2, "kittens", new float[] {0.8f, 0.3f, 0.0f}));
        session.execute(insert.bind(3, "databases", CqlVector.ofFloats(0.0f, 0.2f, 0.9f)));
        session.execute(insert.bind(4, "drivers", CqlVector.ofFloats(0.1f, 0.0f, 1.0f)));

        // The query vector is a bind value too. similarity_cosine computes the score on the server.
        PreparedStatement nearest = session.prepare("SELECT name, embedding, similarity_cosine(embedding, ?) AS score"
            + " FROM documents ORDER BY embedding ANN OF ? LIMIT 2");
        CqlVector<Float> query = CqlVector.ofFloats(1.0f, 0.2f, 0.0f);
        List<String> names = new ArrayList<>();
        float[] embedding = null;
        float similarity = Float.NaN;
        for (Row row : session.execute(nearest.bind(query, query))) {
          names.add(row.getString("name"));
          if (embedding == null) {
            embedding = row.getVector("embedding", Float.class).toFloatArray();
            similarity = row.getFloat("score");
          }
        }
        return new Outcome(names, embedding, similarity);
      } finally {
        session.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
      }
    }
  }
}
