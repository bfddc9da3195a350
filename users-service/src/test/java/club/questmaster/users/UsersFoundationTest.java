package club.questmaster.users;

import club.questmaster.platform.testing.DevStackResource;
import club.questmaster.platform.testing.FoundationContractTest;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Contract §1 rules, against this service's real PostgreSQL and Kafka. users-service owns the bans (it refuses a
 * banned user's token from its own table: BannedTokenTest), so the Kafka-ban case of the foundation does not apply.
 */
@QuarkusTest
@WithTestResource(value = DevStackResource.class, scope = TestResourceScope.GLOBAL)
class UsersFoundationTest extends FoundationContractTest {

    @Override
    protected boolean learnsBansFromUserEvents() {
        return false;
    }
}
