package club.questmaster.games.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A role-playing game system (the original's {@code System}; renamed to keep clear of java.lang.System). */
@Entity
@Table(name = "game_system")
public class GameSystem implements Named {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String icon;

    @Override
    public String name() {
        return name;
    }
}
