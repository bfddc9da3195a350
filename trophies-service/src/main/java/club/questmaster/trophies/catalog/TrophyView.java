package club.questmaster.trophies.catalog;

/** A trophy definition as the API shows it: {@code {id, name, unique, icon}}. */
public record TrophyView(long id, String name, boolean unique, String icon) {

    static TrophyView of(Trophy trophy) {
        return new TrophyView(trophy.id, trophy.name, trophy.unique, trophy.icon);
    }
}
