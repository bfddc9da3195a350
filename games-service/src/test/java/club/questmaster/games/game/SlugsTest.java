package club.questmaster.games.game;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The original's slug rule: slugify(name + "-par-" + gm), ≤ 90 characters, "-2", "-3"… on collision. */
class SlugsTest {

    @Test
    void slugIsNameParGmLowercasedWithAccentsTransliteratedAndHyphens() {
        assertThat(Slugs.base("L'Appel de Cthulhu : Édition Œuvre", "Zoé_MJ"))
                .isEqualTo("l-appel-de-cthulhu-edition-oeuvre-par-zoe-mj");
    }

    @Test
    void ligaturesAndSpecialLettersAreSpelledOut() {
        assertThat(Slugs.slugify("Straße Æsir Łódź Þór")).isEqualTo("strasse-aesir-lodz-thor");
    }

    @Test
    void leadingAndTrailingSeparatorsAreDropped() {
        assertThat(Slugs.slugify("  --¡Hola!--  ")).isEqualTo("hola");
    }

    @Test
    void slugIsCappedAtNinetyCharactersWithoutATrailingHyphen() {
        String slug = Slugs.base("a".repeat(84) + " b", "gm");
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
    }

    @Test
    void aFreeBaseIsUsedAsIs() {
        assertThat(Slugs.firstFree("partie-par-mj", List.of("autre-par-mj"))).isEqualTo("partie-par-mj");
    }

    @Test
    void aTakenSlugGetsTheFirstFreeNumberFromTwo() {
        assertThat(Slugs.firstFree("partie-par-mj", List.of("partie-par-mj", "partie-par-mj-2")))
                .isEqualTo("partie-par-mj-3");
    }

    @Test
    void theSuffixedSlugStillFitsTheCap() {
        String base = "x".repeat(Slugs.MAX_LENGTH);
        String slug = Slugs.firstFree(base, List.of(base));
        assertThat(slug).hasSize(Slugs.MAX_LENGTH).endsWith("-2");
        assertThat(slug).startsWith(Slugs.stem(base));
    }
}
