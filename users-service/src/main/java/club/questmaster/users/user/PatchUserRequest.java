package club.questmaster.users.user;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code PATCH /api/v1/admin/users/{id}}: a partial update. A class rather than a record because an absent field
 * (leave as is) and an explicit {@code null} (clear {@code not_player_as_of}) must be told apart.
 */
public class PatchUserRequest {

    @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
    private String name;
    private boolean nameSet;

    @Size(max = 4)
    private List<String> roles;
    private boolean rolesSet;

    @Size(min = 8, max = 72, message = "must be 8 to 72 characters")
    private String password;
    private boolean passwordSet;

    /** ISO-8601, offset optional (platform-web reads it in the community's zone; a number is a 400). */
    private OffsetDateTime notPlayerAsOf;
    private boolean notPlayerAsOfSet;

    @JsonProperty("name")
    public void setName(String name) {
        this.name = name;
        this.nameSet = true;
    }

    @JsonProperty("roles")
    public void setRoles(List<String> roles) {
        this.roles = roles;
        this.rolesSet = true;
    }

    @JsonProperty("password")
    public void setPassword(String password) {
        this.password = password;
        this.passwordSet = true;
    }

    @JsonProperty("not_player_as_of")
    public void setNotPlayerAsOf(OffsetDateTime notPlayerAsOf) {
        this.notPlayerAsOf = notPlayerAsOf;
        this.notPlayerAsOfSet = true;
    }

    public String name() {
        return name;
    }

    public boolean nameSet() {
        return nameSet;
    }

    public List<String> roles() {
        return roles;
    }

    public boolean rolesSet() {
        return rolesSet;
    }

    public String password() {
        return password;
    }

    public boolean passwordSet() {
        return passwordSet;
    }

    public OffsetDateTime notPlayerAsOf() {
        return notPlayerAsOf;
    }

    public boolean notPlayerAsOfSet() {
        return notPlayerAsOfSet;
    }
}
