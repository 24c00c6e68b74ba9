extension Command {
    /// Every visible command below this one with its path (root first), depth first, in table order.
    func visiblePaths(prefix: [Command] = []) -> [[Command]] {
        let path = prefix + [self]
        return [path] + visibleSubcommands.flatMap { $0.visiblePaths(prefix: path) }
    }

    /// Every command below this one (hidden included) with its path.
    func allPaths(prefix: [Command] = []) -> [[Command]] {
        let path = prefix + [self]
        return [path] + subcommands.flatMap { $0.allPaths(prefix: path) }
    }
}
