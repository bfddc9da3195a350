package club.questmaster.games.live;

/** A game's new state, as one replica learned it from {@code questmaster.game-events}. */
record LiveUpdate(long gameId, String eventId, LiveState state) {
}
