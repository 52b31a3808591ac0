package io.socialearn.core.mentoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Min-cost flow by successive shortest paths (Bellman-Ford with a queue, so negative costs are
 * fine), stopping as soon as the cheapest augmenting path no longer lowers the total: the flow it
 * leaves has the least cost of any flow of any size. Deterministic: paths are found in edge order.
 * Not thread-safe.
 */
final class MinCostFlow {
  private static final long INFINITE = Long.MAX_VALUE / 4;

  private final List<int[]> edges = new ArrayList<>();
  private final List<List<Integer>> out = new ArrayList<>();

  /** Creates a graph of {@code nodes} nodes and no edges. */
  MinCostFlow(int nodes) {
    for (int i = 0; i < nodes; i++) {
      out.add(new ArrayList<>());
    }
  }

  /** Adds an edge and its residual twin; returns the edge's id. */
  int addEdge(int from, int to, int capacity, int cost) {
    int id = edges.size();
    edges.add(new int[] {from, to, capacity, cost, 0});
    edges.add(new int[] {to, from, 0, -cost, 0});
    out.get(from).add(id);
    out.get(to).add(id + 1);
    return id;
  }

  /** The flow an edge carries. */
  int flow(int edge) {
    return edges.get(edge)[4];
  }

  /** Pushes flow from source to sink while doing so lowers the cost; returns the total cost. */
  long minimise(int source, int sink) {
    long total = 0;
    int nodes = out.size();
    while (true) {
      long[] distance = new long[nodes];
      int[] via = new int[nodes];
      boolean[] queued = new boolean[nodes];
      Arrays.fill(distance, INFINITE);
      Arrays.fill(via, -1);
      distance[source] = 0;
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(source);
      queued[source] = true;
      while (!queue.isEmpty()) {
        int node = queue.poll();
        queued[node] = false;
        for (int id : out.get(node)) {
          int[] e = edges.get(id);
          if (e[2] - e[4] > 0 && distance[node] + e[3] < distance[e[1]]) {
            distance[e[1]] = distance[node] + e[3];
            via[e[1]] = id;
            if (!queued[e[1]]) {
              queued[e[1]] = true;
              queue.add(e[1]);
            }
          }
        }
      }
      if (distance[sink] >= 0) {
        return total;
      }
      int push = Integer.MAX_VALUE;
      for (int node = sink; node != source; node = edges.get(via[node])[0]) {
        int[] e = edges.get(via[node]);
        push = Math.min(push, e[2] - e[4]);
      }
      for (int node = sink; node != source; node = edges.get(via[node])[0]) {
        int id = via[node];
        edges.get(id)[4] += push;
        edges.get(id ^ 1)[4] -= push;
      }
      total += (long) push * distance[sink];
    }
  }
}
