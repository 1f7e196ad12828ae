package io.logmaster.compliance.seal;

/** A stable merge sort of an int permutation under a comparator, without boxing. */
final class IndexSort {
    /** Compares two indices. */
    interface IndexComparator {
        int compare(int a, int b);
    }

    private IndexSort() {}

    /** Sorts {@code order} stably; nearly sorted input (the usual case) costs about n compares. */
    static void sort(int[] order, int n, IndexComparator cmp) {
        int[] tmp = new int[n];
        mergeSort(order, tmp, 0, n, cmp);
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, IndexComparator cmp) {
        int len = to - from;
        if (len < 16) {
            for (int i = from + 1; i < to; i++) {
                int v = a[i];
                int j = i - 1;
                while (j >= from && cmp.compare(a[j], v) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = v;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, cmp);
        mergeSort(a, tmp, mid, to, cmp);
        if (cmp.compare(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, from, tmp, from, len);
        int i = from;
        int j = mid;
        int k = from;
        while (i < mid && j < to) {
            a[k++] = cmp.compare(tmp[j], tmp[i]) < 0 ? tmp[j++] : tmp[i++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
        while (j < to) {
            a[k++] = tmp[j++];
        }
    }
}
