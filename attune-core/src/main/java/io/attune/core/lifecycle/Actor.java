package io.attune.core.lifecycle;

import io.attune.core.model.ModelVersion;
import java.util.Objects;

/**
 * Who or what moved a lead: a model version, a named part of the system (identity merge, import),
 * a person, or an API key acting for an integration.
 */
public sealed interface Actor permits Actor.Model, Actor.System, Actor.User, Actor.ApiKey {

    String describe();

    /** The scoring model version whose decision it was. */
    record Model(ModelVersion version) implements Actor {
        public Model {
            Objects.requireNonNull(version, "version");
        }

        @Override
        public String describe() {
            return "model:" + version;
        }
    }

    /** A named system process. */
    record System(String name) implements Actor {
        public System {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String describe() {
            return "system:" + name;
        }
    }

    /** A person, e.g. the sales rep who accepted the lead, by the id their team uses. */
    record User(String id) implements Actor {
        public User {
            if (id == null || id.isBlank() || id.length() > 200) {
                throw new IllegalArgumentException("a user id is 1-200 characters");
            }
        }

        @Override
        public String describe() {
            return "user:" + id;
        }
    }

    /** An API key, by its id (never its secret), when no person is named. */
    record ApiKey(String keyId) implements Actor {
        public ApiKey {
            Objects.requireNonNull(keyId, "keyId");
        }

        @Override
        public String describe() {
            return "key:" + keyId;
        }
    }

    /** Reads back what {@link #describe()} wrote. */
    public static Actor parse(String described) {
        int colon = described.indexOf(':');
        String kind = colon < 0 ? "" : described.substring(0, colon);
        String rest = colon < 0 ? described : described.substring(colon + 1);
        return switch (kind) {
            case "model" -> new Model(ModelVersion.parse(rest));
            case "user" -> new User(rest);
            case "key" -> new ApiKey(rest);
            case "system" -> new System(rest);
            default -> new System(described);
        };
    }
}
