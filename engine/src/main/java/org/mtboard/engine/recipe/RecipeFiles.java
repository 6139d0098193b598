package org.mtboard.engine.recipe;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mtboard.engine.sim.Protocol;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads and validates submission and benchmark YAML files. Unknown keys, wrong types and
 * out-of-range values are rejected with the field's dotted path and what is allowed; every
 * problem in a file is reported at once, in one {@link ConfigException}.
 *
 * <p>The text comes from users (the service reads it from request bodies), so reading it is
 * bounded: at most {@link #MAX_CODE_POINTS} code points, {@link #MAX_DEPTH} levels of nesting,
 * one document, and no aliases (Jackson would read an alias as the anchor's name, as text).
 */
public final class RecipeFiles {
    /** Longest text read, in code points; real submissions and benchmarks are well under 10,000. */
    public static final int MAX_CODE_POINTS = 256 * 1024;
    /** Deepest nesting of mappings and lists read; submissions and benchmarks need four. */
    public static final int MAX_DEPTH = 64;

    private static final ObjectMapper YAML = new ObjectMapper(yamlFactory());
    private static final List<Integer> DEFAULT_HIDDEN = List.of(256, 128, 64);

    private RecipeFiles() {
    }

    private static YAMLFactory yamlFactory() {
        LoaderOptions loader = new LoaderOptions();
        // SnakeYAML's reader enforces the code point limit; Jackson reads SnakeYAML's events without
        // its composer, so the alias and nesting limits below take no effect today (aliases are refused
        // in scan, nesting by Jackson's own constraint) but keep the bounds if a composing loader is used.
        loader.setCodePointLimit(MAX_CODE_POINTS);
        loader.setNestingDepthLimit(MAX_DEPTH);
        loader.setMaxAliasesForCollections(10);
        // rebuild() keeps the defaults of new YAMLFactory(); YAMLFactory.builder() would drop some
        // (EMPTY_STRING_AS_NULL: "gamma:" would read as "" instead of absent)
        return new YAMLFactory().rebuild().loaderOptions(loader)
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
                .build();
    }

    public static Submission readSubmission(Path file) {
        return submission(tree(read(file), file.toString()));
    }

    public static BenchmarkDefinition readBenchmark(Path file) {
        return benchmark(tree(read(file), file.toString()));
    }

    /**
     * A submission from its text (YAML, or JSON, which is YAML too), as the service receives it.
     *
     * @param source what to call the text in messages, e.g. "request body"
     * @throws ConfigException with every problem found; never another exception for any text
     */
    public static Submission parseSubmission(String text, String source) {
        return submission(tree(text, source));
    }

    /** A benchmark definition from its text; see {@link #parseSubmission}. */
    public static BenchmarkDefinition parseBenchmark(String text, String source) {
        return benchmark(tree(text, source));
    }

    private static String read(Path file) {
        try {
            // UTF-8 needs at most 4 bytes a code point: a larger file is too long without reading it
            long bytes = Files.size(file);
            if (bytes > 4L * MAX_CODE_POINTS) {
                throw new ConfigException("", file + ": too long (" + bytes + " bytes; at most " + MAX_CODE_POINTS
                        + " characters are read)");
            }
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("", file + ": no such file");
        } catch (IOException e) {
            throw new ConfigException("", file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    static JsonNode tree(String text, String source) {
        if (text.length() > MAX_CODE_POINTS) {
            int codePoints = text.codePointCount(0, text.length());
            if (codePoints > MAX_CODE_POINTS) {
                throw new ConfigException("", source + ": too long (" + codePoints + " characters; at most " + MAX_CODE_POINTS
                        + " are read)");
            }
        }
        try {
            scan(text, source);
            JsonNode tree = YAML.readTree(text);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new ConfigException("", source + ": empty");
            }
            return tree;
        } catch (StreamConstraintsException e) {
            String limit = e.getOriginalMessage().replaceAll(", from `[^`]*`", "").replaceAll("\\s+", " ").trim();
            throw new ConfigException("", source + ": refused by a reading limit" + where(e) + " (" + limit + ")");
        } catch (JsonProcessingException e) {
            String problem = e.getOriginalMessage().replaceAll("\\s+", " ").trim();
            throw new ConfigException("", source + ": not valid YAML" + where(e) + " (" + problem + ")");
        } catch (IOException e) {
            throw new ConfigException("", source + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    /**
     * One pass over the tokens before the tree is built, for what the tree would hide: a second
     * document (readTree reads the first alone), aliases (read as text) and numbers YAML allows but
     * Jackson cannot read (.nan, .inf), which are reported at their field.
     */
    private static void scan(String text, String source) throws IOException {
        try (JsonParser parser = YAML.createParser(text)) {
            int depth = 0;
            boolean seenDocument = false;
            while (true) {
                JsonToken token;
                try {
                    token = parser.nextToken();
                    if (token != null && token.isNumeric()) {
                        parser.getNumberValue(); // read lazily in flow style: fail here, where the field is known
                    }
                } catch (JsonParseException e) {
                    if (e.getCause() instanceof NumberFormatException) {
                        throw problemAt(path(parser.getParsingContext()), source, "got " + ConfigNode.shown(quotedValue(e))
                                + ", which is not a finite number (NaN and infinities are not allowed; quote the value if it is"
                                + " meant as text)" + where(e), "a finite number, or quoted text");
                    }
                    throw e;
                }
                if (token == null) {
                    return;
                }
                if (depth == 0) {
                    if (seenDocument) {
                        throw new ConfigException("", source + ": holds more than one YAML document (another starts at line "
                                + parser.currentTokenLocation().getLineNr() + "); only one is read");
                    }
                    seenDocument = true;
                }
                if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw problemAt(path(parser.getParsingContext()), source, "is a YAML alias (*" + ConfigNode.shown(parser.getText())
                            + " at line " + parser.currentTokenLocation().getLineNr() + "); aliases are not supported, write the value out",
                            "a value written out, no aliases");
                }
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                }
            }
        }
    }

    /** A problem at a field found while reading; at the top of the document it names the source instead. */
    private static ConfigException problemAt(String field, String source, String message, String allowed) {
        return new ConfigException(List.of(new ConfigException.Problem(field, field.isEmpty() ? source + ": " + message : message, allowed)));
    }

    /** The value in a "Malformed numeric value '.nan'" message, else the message itself. */
    private static String quotedValue(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int open = message.indexOf('\'');
        int close = message.lastIndexOf('\'');
        return open >= 0 && close > open ? message.substring(open, close + 1) : message;
    }

    /** The dotted path of where a parser is, as ConfigNode names fields: hyperparameters.gamma, tiers.smoke.seeds[1]. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                path.insert(0, "[" + c.getCurrentIndex() + "]");
            } else if (c.getCurrentName() != null) {
                path.insert(0, (c.getParent() != null && !c.getParent().inRoot() ? "." : "") + c.getCurrentName());
            }
        }
        return path.toString();
    }

    static Submission submission(JsonNode tree) {
        ConfigNode root = ConfigNode.root(tree);
        String name = root.string("name", List.of());
        // an unknown algorithm reads as mt-ppo, whose keys are a superset, so it adds no problems of its own
        Algorithm algorithm = Algorithm.of(root.string("algorithm", Algorithm.labels()));
        boolean critic = algorithm.usesCritic();
        String noCritic = algorithm.label() + " has no critic; remove this key";
        ConfigNode net = root.child("network");
        List<Integer> actorHidden = net.integers("actor_hidden", DEFAULT_HIDDEN, 1, 4096);
        List<Integer> criticHidden = null;
        if (critic) {
            criticHidden = net.integers("critic_hidden", DEFAULT_HIDDEN, 1, 4096);
        } else if (net.has("critic_hidden")) {
            net.reject("critic_hidden", noCritic, "no such key for " + algorithm.label());
        }
        String activation = net.has("activation") ? net.string("activation", NetworkConfig.ACTIVATIONS) : "elu";
        boolean multiHead = net.bool("multi_head", false);
        double initialLogStd = net.number("initial_log_std", 0.0, -5.0, true, 2.0, true);
        net.rejectUnknownKeys();

        ConfigNode hp = root.child("hyperparameters");
        for (String criticOnly : List.of("gae_lambda", "value_clip", "critic_coef")) {
            if (!critic && hp.has(criticOnly)) {
                hp.reject(criticOnly, noCritic, "no such key for " + algorithm.label());
            }
        }
        double learningRate = hp.number("learning_rate", 5e-4, 0.0, false, 1.0, true);
        double gamma = hp.number("gamma", 0.99, 0.0, true, 1.0, true);
        Double gaeLambda = critic ? hp.number("gae_lambda", 0.95, 0.0, true, 1.0, true) : null;
        double clip = hp.number("clip", 0.2, 0.0, false, 1.0, true);
        Double valueClip = critic ? hp.number("value_clip", 0.2, 0.0, false, 10.0, true) : null;
        Double criticCoef = critic ? hp.number("critic_coef", 4.0, 0.0, true, 100.0, true) : null;
        double entropyCoef = hp.number("entropy_coef", 0.005, 0.0, true, 1.0, true);
        int miniEpochs = hp.integer("mini_epochs", 5, 1, 100);
        int minibatches = hp.integer("minibatches", 4, 1, 4096);
        double maxGradNorm = hp.number("max_grad_norm", 1.0, 0.0, false, 1000.0, true);
        double boundsLossCoef = hp.number("bounds_loss_coef", 1e-4, 0.0, true, 1.0, true);
        int episodeLength = 150;
        int horizon = critic ? hp.integer("horizon", 32, 1, 10_000) : hp.integer("horizon", episodeLength, episodeLength, episodeLength);
        int numEnvs = hp.integer("num_envs", 4096, 1, 1 << 22);
        hp.rejectUnknownKeys();
        root.rejectUnknownKeys();
        root.throwIfProblems();
        NetworkConfig network = new NetworkConfig(actorHidden, criticHidden, activation, multiHead, initialLogStd);
        Hyperparameters hyperparameters = new Hyperparameters(learningRate, gamma, gaeLambda, clip, valueClip, criticCoef,
                entropyCoef, miniEpochs, minibatches, maxGradNorm, boundsLossCoef, horizon, numEnvs);
        return new Submission(name, algorithm, network, hyperparameters);
    }

    static BenchmarkDefinition benchmark(JsonNode tree) {
        ConfigNode root = ConfigNode.root(tree);
        String name = root.string("name", List.of());
        Long protocol = root.wholeNumber("protocol_version", 1, Integer.MAX_VALUE);
        if (protocol != null && protocol != Protocol.VERSION) {
            root.reject("protocol_version", "must be " + Protocol.VERSION + ", the only protocol this engine runs"
                    + " (docs/protocol.md: earlier versions ran on an earlier simulator); got " + protocol, String.valueOf(Protocol.VERSION));
        }
        String suite = root.string("suite", List.of("mt10"));
        String variant = root.string("variant", List.of("rand"));
        int episodeLength = root.integer("episode_length", 150, 150, 150);
        int scoreEpochs = root.integer("score_epochs", 5, 1, 1000);
        ConfigNode tiersNode = root.child("tiers");
        tiersNode.allow(BenchmarkDefinition.TIER_NAMES);
        Map<String, Tier> tiers = new LinkedHashMap<>();
        for (String tierName : BenchmarkDefinition.TIER_NAMES) {
            if (!tiersNode.has(tierName)) {
                continue;
            }
            ConfigNode t = tiersNode.child(tierName);
            int seedCount = BenchmarkDefinition.TIER_SEEDS.get(tierName);
            List<Integer> seeds = t.integers("seeds", null, 0, Integer.MAX_VALUE);
            if (seeds != null && (seeds.size() != seedCount || seeds.stream().distinct().count() != seeds.size())) {
                t.reject("seeds", "must list " + seedCount + " distinct seeds; got " + seeds, seedCount + " distinct whole numbers");
            }
            Long frames = t.wholeNumber("frames", 1, 1_000_000_000_000L);
            int numEnvs = t.integer("num_envs", 0, 0, 1 << 22);
            t.rejectUnknownKeys();
            tiers.put(tierName, new Tier(tierName, seeds, frames == null ? 0 : frames, numEnvs));
        }
        tiersNode.rejectUnknownKeys();
        if (tiers.isEmpty() && tiersNode.present()) {
            tiersNode.rejectWhole("must define at least one of " + String.join(", ", BenchmarkDefinition.TIER_NAMES),
                    "a mapping with one or more of " + String.join(", ", BenchmarkDefinition.TIER_NAMES));
        }
        root.rejectUnknownKeys();
        root.throwIfProblems();
        return new BenchmarkDefinition(name, protocol.intValue(), suite, variant, episodeLength, scoreEpochs, Map.copyOf(tiers));
    }
}
