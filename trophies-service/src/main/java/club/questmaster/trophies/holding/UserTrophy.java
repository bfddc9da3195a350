package club.questmaster.trophies.holding;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A trophy held by a user, {@code quantity} times (>= 1; the row goes away at 0). */
@Entity
@Table(name = "user_trophy")
@IdClass(UserTrophy.Key.class)
public class UserTrophy {

    @Id
    @Column(name = "user_id", length = 21)
    public String userId;

    @Id
    @Column(name = "trophy_id")
    public Long trophyId;

    @Column(nullable = false)
    public int quantity;

    public record Key(String userId, Long trophyId) implements Serializable {
    }
}
