package dev.hoheit.audit.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointBodyTest {

    // The example of c2sp.org/tlog-checkpoint.
    private static final String EXAMPLE = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    @Test
    void the_c2sp_example_parses_and_formats_back() {
        CheckpointBody body = CheckpointBody.parse(EXAMPLE);
        assertEquals("example.com/behind-the-sofa", body.origin());
        assertEquals(20852163, body.size());
        assertArrayEquals(Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="), body.rootHash());
        assertEquals(List.of(), body.extensions());
        assertEquals(EXAMPLE, body.text());
    }

    @Test
    void extension_lines_round_trip() {
        String text = EXAMPLE + "ext one\nanother\n";
        CheckpointBody body = CheckpointBody.parse(text);
        assertEquals(List.of("ext one", "another"), body.extensions());
        assertEquals(text, body.text());
        assertEquals(body, new CheckpointBody(body.origin(), body.size(), body.rootHash(), body.extensions()));
    }

    @Test
    void the_empty_tree_has_size_zero() {
        CheckpointBody empty = new CheckpointBody("example.com/log", 0, Merkle.emptyRoot());
        assertEquals("example.com/log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", empty.text());
        assertEquals(empty, CheckpointBody.parse(empty.text()));
    }

    @Test
    void the_root_hash_is_copied_in_and_out() {
        byte[] root = new byte[32];
        CheckpointBody body = new CheckpointBody("o", 1, root);
        root[0] = 1;
        body.rootHash()[1] = 1;
        assertArrayEquals(new byte[32], body.rootHash());
    }

    @Test
    void malformed_checkpoint_texts_are_rejected() {
        String root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=";
        List<String> bad = List.of(
                "",
                "origin\n1\n",
                "origin\n1\n" + root,
                "\n1\n" + root + "\n",
                "origin\n01\n" + root + "\n",
                "origin\n-1\n" + root + "\n",
                "origin\n+1\n" + root + "\n",
                "origin\n 1\n" + root + "\n",
                "origin\n99999999999999999999\n" + root + "\n",
                "origin\n9223372036854775808\n" + root + "\n",
                "origin\n1\n" + root.replace("=", "") + "\n",
                "origin\n1\nAAAA\n",
                "origin\n1\n" + root + "\n\n",
                "origin\n1\n" + root + "\next\n\n",
                "ori\tgin\n1\n" + root + "\n");
        for (String text : bad) {
            assertThrows(TlogException.class, () -> CheckpointBody.parse(text), text);
        }
    }

    @Test
    void invalid_fields_are_rejected() {
        byte[] root = new byte[32];
        assertThrows(TlogException.class, () -> new CheckpointBody("", 1, root));
        assertThrows(TlogException.class, () -> new CheckpointBody("a\nb", 1, root));
        assertThrows(TlogException.class, () -> new CheckpointBody("o", -1, root));
        assertThrows(TlogException.class, () -> new CheckpointBody("o", 1, new byte[31]));
        assertThrows(TlogException.class, () -> new CheckpointBody("o", 1, root, List.of("")));
        assertThrows(TlogException.class, () -> new CheckpointBody("o", 1, root, List.of("a\nb")));
    }

    @Test
    void the_largest_size_is_accepted() {
        CheckpointBody body = new CheckpointBody("o", Long.MAX_VALUE, new byte[32]);
        assertEquals(Long.MAX_VALUE, CheckpointBody.parse(body.text()).size());
    }
}
