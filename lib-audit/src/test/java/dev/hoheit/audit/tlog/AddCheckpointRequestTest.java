package dev.hoheit.audit.tlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddCheckpointRequestTest {

    // The example request body of c2sp.org/tlog-witness.
    private static final String NOTE = "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
            + "\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n"
            + "\u2014 example.com/behind-the-sofa opLqBQsREYCgu6xQkYQwJr9fo45a62DN9EdmHXnZdXNqlcVGlCum2Wks+49/V6267UEjw6QUXTS5Rovnzv++qbSzm9Q=\n";
    private static final List<String> PROOF = List.of(
            "PlRNCrwHpqhGrupue0L7gxbjbMiKA9temvuZZDDpkaw=",
            "jrJZDmY8Y7SyJE0MWLpLozkIVMSMZcD5kvuKxPC3swk=",
            "5+pKlUdi2LeF/BcMHBn+Ku6yhPGNCswZZD1X/6QgPd8=",
            "/6WVhPs2CwSsb5rYBH5cjHV/wSmA79abXAwhXw3Kj/0=");
    private static final String EXAMPLE = "old 20852014\n" + String.join("\n", PROOF) + "\n\n" + NOTE;

    @Test
    void the_c2sp_example_parses_and_formats_back() {
        AddCheckpointRequest request = AddCheckpointRequest.parse(EXAMPLE);
        assertEquals(20852014, request.oldSize());
        assertEquals(4, request.consistencyProof().size());
        for (int i = 0; i < PROOF.size(); i++) {
            assertArrayEquals(Base64.getDecoder().decode(PROOF.get(i)), request.consistencyProof().get(i));
        }
        assertEquals(NOTE, request.checkpointNote());
        assertEquals(EXAMPLE, request.format());
        assertEquals(2, Note.parse(request.checkpointNote()).signatures().size());
    }

    @Test
    void a_first_request_has_old_size_zero_and_no_proof() {
        AddCheckpointRequest request = new AddCheckpointRequest(0, List.of(), NOTE);
        assertEquals("old 0\n\n" + NOTE, request.format());
        assertEquals(request, AddCheckpointRequest.parse(request.format()));
    }

    @Test
    void the_proof_is_copied_in_and_out() {
        byte[] hash = new byte[32];
        AddCheckpointRequest request = new AddCheckpointRequest(1, new ArrayList<>(List.of(hash)), NOTE);
        hash[0] = 1;
        request.consistencyProof().get(0)[1] = 1;
        assertArrayEquals(new byte[32], request.consistencyProof().get(0));
        assertThrows(UnsupportedOperationException.class, () -> request.consistencyProof().add(new byte[32]));
    }

    @Test
    void sixty_three_proof_lines_are_accepted_and_sixty_four_are_not() {
        List<byte[]> longest = Collections.nCopies(AddCheckpointRequest.MAX_PROOF_HASHES, new byte[32]);
        AddCheckpointRequest request = new AddCheckpointRequest(5, longest, NOTE);
        assertEquals(63, AddCheckpointRequest.parse(request.format()).consistencyProof().size());
        String tooLong = request.format().replace("old 5\n", "old 5\n" + Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        assertThrows(TlogException.class, () -> AddCheckpointRequest.parse(tooLong));
        assertThrows(TlogException.class, () -> new AddCheckpointRequest(5, Collections.nCopies(64, new byte[32]), NOTE));
    }

    @Test
    void malformed_bodies_are_rejected() {
        String hash = PROOF.get(0);
        List<String> bad = List.of(
                "",
                "old 1",
                "old 1\n",
                "old 1\n" + hash + "\n",
                "old 1\n\n",
                "Old 1\n\n" + NOTE,
                "old  1\n\n" + NOTE,
                "old 01\n\n" + NOTE,
                "old -1\n\n" + NOTE,
                "old 1 \n\n" + NOTE,
                "old\n\n" + NOTE,
                "old 99999999999999999999\n\n" + NOTE,
                "old 1\r\n\n" + NOTE,
                "old 1\n" + hash.replace("=", "") + "\n\n" + NOTE,
                "old 1\n" + hash + " \n\n" + NOTE,
                "old 1\nAAAA\n\n" + NOTE,
                "old 1\n" + Base64.getEncoder().encodeToString(new byte[33]) + "\n\n" + NOTE);
        for (String body : bad) {
            assertThrows(TlogException.class, () -> AddCheckpointRequest.parse(body), body);
        }
    }

    @Test
    void invalid_fields_are_rejected() {
        assertThrows(TlogException.class, () -> new AddCheckpointRequest(-1, List.of(), NOTE));
        assertThrows(TlogException.class, () -> new AddCheckpointRequest(1, List.of(new byte[31]), NOTE));
        assertThrows(TlogException.class, () -> new AddCheckpointRequest(1, List.of(), ""));
    }
}
