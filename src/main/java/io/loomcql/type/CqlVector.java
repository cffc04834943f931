package io.loomcql.type;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The value of a CQL {@code vector<element, n>} column: a fixed-length, immutable sequence of
 * non-null elements. It is not a {@link List} on purpose (a vector is not a CQL list and binds
 * differently), but {@link #asList()} gives a read-only view. Float vectors can also be bound as
 * a {@code float[]}.
 */
public final class CqlVector<T> implements Iterable<T> {
  private final List<T> elements;

  private CqlVector(List<T> elements) {
    this.elements = elements;
  }

  /**
   * @throws NullPointerException when an element is null (vectors have no null elements)
   */
  @SafeVarargs
  @SuppressWarnings("varargs") // the array only feeds List.of, which copies it
  public static <T> CqlVector<T> of(T... elements) {
    return new CqlVector<>(List.of(elements));
  }

  /** A vector with the elements of the list, in order (copied). */
  public static <T> CqlVector<T> newInstance(List<? extends T> elements) {
    return new CqlVector<>(List.copyOf(elements));
  }

  /** A float vector from primitive floats (the usual form of an embedding). */
  public static CqlVector<Float> ofFloats(float... elements) {
    List<Float> boxed = new ArrayList<>(elements.length);
    for (float element : elements) {
      boxed.add(element);
    }
    return new CqlVector<>(List.copyOf(boxed));
  }

  public int size() {
    return elements.size();
  }

  public T get(int index) {
    return elements.get(index);
  }

  public boolean isEmpty() {
    return elements.isEmpty();
  }

  /** A read-only list view of the elements. */
  public List<T> asList() {
    return elements;
  }

  public Stream<T> stream() {
    return elements.stream();
  }

  @Override
  public Iterator<T> iterator() {
    return elements.iterator();
  }

  /** The elements as primitive floats; each element must be a {@link Number}. */
  public float[] toFloatArray() {
    float[] out = new float[elements.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ((Number) elements.get(i)).floatValue();
    }
    return out;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CqlVector<?> that && elements.equals(that.elements);
  }

  @Override
  public int hashCode() {
    return Objects.hash(elements);
  }

  @Override
  public String toString() {
    return elements.toString();
  }
}
