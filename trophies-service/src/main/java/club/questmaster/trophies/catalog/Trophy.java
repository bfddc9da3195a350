package club.questmaster.trophies.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A trophy definition (badge template). Never leaves the service layer: {@link TrophyView} does. */
@Entity
@Table(name = "trophy")
public class Trophy {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64)
    public String name;

    /** Held at most once, with quantity 1. */
    @Column(name = "is_unique", nullable = false)
    public boolean unique;

    @Column(length = 2048)
    public String icon;
}
