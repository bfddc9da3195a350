package club.questmaster.games.reference;

/** Reference rows have unique names. */
interface Named {
    String name();
}
