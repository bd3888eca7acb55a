package io.attune.core.lifecycle;

import io.attune.core.model.ModelVersion;
import java.util.Objects;

/** Who or what moved a lead: a model version, or a named part of the system (identity merge, import). */
public sealed interface Actor permits Actor.Model, Actor.System {

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
}
