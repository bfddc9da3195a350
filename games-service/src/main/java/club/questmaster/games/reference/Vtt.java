package club.questmaster.games.reference;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A virtual tabletop (Foundry, Roll20...). */
@Entity
@Table(name = "vtt")
public class Vtt implements Named {

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
