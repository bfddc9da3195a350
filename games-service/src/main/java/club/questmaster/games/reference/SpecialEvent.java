package club.questmaster.games.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A themed community event grouping games (colour is a 24-bit RGB integer, as Discord embeds use it). */
@Entity
@Table(name = "special_event")
public class SpecialEvent implements Named {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    public String emoji;
    public Integer color;
    public boolean active;

    @Override
    public String name() {
        return name;
    }
}
