package dev.hoheit.mentoring.account;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What makes two nicknames the same to a reader: NFKC (fullwidth {@code ｏｐｅｒａｔｏｒ} is
 * {@code operator}), case, and the Unicode confusables of UTS #39 (Cyrillic {@code о} looks like Latin
 * {@code o}). The skeleton is stored with a unique index, so no two accounts look alike, and no one
 * registers a name that looks like the platform's own.
 */
final class Nicknames {

    /** Names people would take for the platform speaking: nobody registers them, nor look-alikes of them. */
    static final List<String> RESERVED = List.of("operator", "admin", "administrator", "root", "support", "system", "hoheit",
            "smoffen", "moderator", "security", "service", "staff", "team", "official", "help", "info", "datenschutz", "privacy",
            "webmaster", "postmaster", "abuse", "noreply", "no-reply", "anonymous", "mentor", "auditor", "employer");

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();
    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    private static final Set<String> RESERVED_SKELETONS = RESERVED.stream().map(Nicknames::skeleton).collect(Collectors.toSet());

    private Nicknames() {
    }

    /** The nickname in NFKC, stripped: the form that is validated and stored. */
    static String normalise(String nickname) {
        return NFKC.normalize(nickname).strip();
    }

    /** The confusable skeleton: equal for nicknames a reader cannot tell apart. */
    static String skeleton(String nickname) {
        String folded = UCharacter.foldCase(SPOOF.getSkeleton(normalise(nickname)), true);
        return SPOOF.getSkeleton(folded);
    }

    /** Whether the nickname is, or looks like, one of the {@link #RESERVED} names. */
    static boolean reserved(String nickname) {
        return RESERVED_SKELETONS.contains(skeleton(nickname));
    }
}
