"""The bench's KEY=value files (seed.env from the seeder, facts.env from bench.sh), read alike by its scripts."""


def read_env(path):
    env = {}
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if "=" in line:
                key, value = line.rstrip("\n").split("=", 1)
                env[key] = value.strip('"')
    return env
