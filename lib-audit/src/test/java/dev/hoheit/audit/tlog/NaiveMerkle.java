package dev.hoheit.audit.tlog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A deliberately naive reference: RFC 9162 §2.1.1 MTH, §2.1.3.1 PATH and §2.1.4.1 PROOF/SUBPROOF,
 * written as the RFC's recursive definitions over a list of leaf hashes, with its own SHA-256.
 * The only concession to speed is remembering the MTH of ranges of at least {@code rememberFrom} leaves.
 */
final class NaiveMerkle {

    private final List<byte[]> leaves;
    private final Map<String, byte[]> remembered = new HashMap<>();
    private final MessageDigest sha256;
    private final int rememberFrom;

    NaiveMerkle(List<byte[]> leafHashes, int rememberFrom) {
        this.leaves = leafHashes;
        this.rememberFrom = rememberFrom;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** MTH(D[lo:hi]). */
    byte[] mth(int lo, int hi) {
        int n = hi - lo;
        if (n == 0) {
            return sha256.digest();
        }
        if (n == 1) {
            return leaves.get(lo).clone();
        }
        String key = lo + ":" + hi;
        byte[] known = n >= rememberFrom ? remembered.get(key) : null;
        if (known != null) {
            return known.clone();
        }
        int k = largestPowerOfTwoBelow(n);
        byte[] hash = node(mth(lo, lo + k), mth(lo + k, hi));
        if (n >= rememberFrom) {
            remembered.put(key, hash.clone());
        }
        return hash;
    }

    /** PATH(m, D[0:n]). */
    List<byte[]> path(int m, int n) {
        return path(m, 0, n);
    }

    private List<byte[]> path(int m, int lo, int hi) {
        int n = hi - lo;
        List<byte[]> out = new ArrayList<>();
        if (n == 1) {
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            out.addAll(path(m, lo, lo + k));
            out.add(mth(lo + k, hi));
        } else {
            out.addAll(path(m - k, lo + k, hi));
            out.add(mth(lo, lo + k));
        }
        return out;
    }

    /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true). */
    List<byte[]> proof(int m, int n) {
        return subproof(m, 0, n, true);
    }

    private List<byte[]> subproof(int m, int lo, int hi, boolean b) {
        int n = hi - lo;
        List<byte[]> out = new ArrayList<>();
        if (m == n) {
            if (!b) {
                out.add(mth(lo, hi));
            }
            return out;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            out.addAll(subproof(m, lo, lo + k, b));
            out.add(mth(lo + k, hi));
        } else {
            out.addAll(subproof(m - k, lo + k, hi, false));
            out.add(mth(lo, lo + k));
        }
        return out;
    }

    private byte[] node(byte[] left, byte[] right) {
        sha256.update((byte) 0x01);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The largest power of two smaller than n (n > 1). */
    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }
}
