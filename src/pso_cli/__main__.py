from pso_cli.cli.entry import run

run()
