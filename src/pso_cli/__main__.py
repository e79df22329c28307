from pso_cli.cli.main import run

run()
